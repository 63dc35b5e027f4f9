import type { CirculationPolicy } from "./policy";

// The circulation matrix (patron category × item type), resolved field by field: a cell's
// value, else the item type's default row, else the category's own policy (the default
// column), else the library default. See docs/decisions/017-circulation-matrix.md.

/** What a cell or an item type's default row may set; null (or absent) inherits. */
export type RuleCell = {
  loanPeriodDays?: number | null;
  /** The most copies of this type on loan at once. */
  maxLoans?: number | null;
  maxRenewals?: number | null;
  fineDailyCents?: number | null;
  fineGraceDays?: number | null;
  fineCapCents?: number | null;
  holdable?: boolean | null;
  notForLoan?: boolean | null;
};

export const RULE_FIELDS = ["loanPeriodDays", "maxLoans", "maxRenewals", "fineDailyCents", "fineGraceDays", "fineCapCents", "holdable", "notForLoan"] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

/** The category's policy: the default column (it has no limit per type, nor the two yes/no rules). */
export type CategoryRule = Pick<CirculationPolicy, "loanPeriodDays" | "maxRenewals" | "fineDailyCents" | "fineGraceDays" | "fineCapCents">;

/** The rule in force for one loan of one copy by one patron. */
export type ResolvedRule = CategoryRule & {
  /** The most loans of this type at once; null: only the category's overall limit applies. */
  maxLoansOfType: number | null;
  holdable: boolean;
  notForLoan: boolean;
};

/** Where each resolved value came from, for the policies page. */
export type RuleSource = "cell" | "type" | "category" | "library";

/** The library default, under every category and type: lendable, holdable, no limit per type. */
export const LIBRARY_RULE_DEFAULTS = { maxLoans: null, holdable: true, notForLoan: false } as const;

function pick<T>(cell: T | null | undefined, type: T | null | undefined, category: T | null | undefined, library: T): { value: T; source: RuleSource } {
  if (cell !== null && cell !== undefined) return { value: cell, source: "cell" };
  if (type !== null && type !== undefined) return { value: type, source: "type" };
  if (category !== null && category !== undefined) return { value: category, source: "category" };
  return { value: library, source: "library" };
}

/** The rule with the source of each field. `type` is the item type's default row, `cell` the category's rule for it. */
export function resolveRuleWithSources(category: CategoryRule, type: RuleCell | null, cell: RuleCell | null): { rule: ResolvedRule; sources: Record<RuleField, RuleSource> } {
  const numbers = (field: keyof CategoryRule) => pick(cell?.[field], type?.[field], category[field], category[field]);
  const fields = {
    loanPeriodDays: numbers("loanPeriodDays"),
    maxLoans: pick<number | null>(cell?.maxLoans, type?.maxLoans, null, LIBRARY_RULE_DEFAULTS.maxLoans),
    maxRenewals: numbers("maxRenewals"),
    fineDailyCents: numbers("fineDailyCents"),
    fineGraceDays: numbers("fineGraceDays"),
    fineCapCents: numbers("fineCapCents"),
    holdable: pick<boolean>(cell?.holdable, type?.holdable, null, LIBRARY_RULE_DEFAULTS.holdable),
    notForLoan: pick<boolean>(cell?.notForLoan, type?.notForLoan, null, LIBRARY_RULE_DEFAULTS.notForLoan),
  };
  return {
    rule: {
      loanPeriodDays: fields.loanPeriodDays.value,
      maxLoansOfType: fields.maxLoans.value,
      maxRenewals: fields.maxRenewals.value,
      fineDailyCents: fields.fineDailyCents.value,
      fineGraceDays: fields.fineGraceDays.value,
      fineCapCents: fields.fineCapCents.value,
      holdable: fields.holdable.value,
      notForLoan: fields.notForLoan.value,
    },
    sources: Object.fromEntries(RULE_FIELDS.map((f) => [f, fields[f].source])) as Record<RuleField, RuleSource>,
  };
}

export function resolveRule(category: CategoryRule, type: RuleCell | null, cell: RuleCell | null): ResolvedRule {
  return resolveRuleWithSources(category, type, cell).rule;
}

/** What a loan keeps of the rule it was made under (null on loans made before item types). */
export type LoanTerms = { loanPeriodDays: number | null; maxRenewals: number | null; fineDailyCents: number | null; fineGraceDays: number | null; fineCapCents: number | null };

/** The loan's own terms, each falling back to the rule in force now when the loan predates them. */
export function loanTerms(loan: LoanTerms, current: CategoryRule): CategoryRule {
  return {
    loanPeriodDays: loan.loanPeriodDays ?? current.loanPeriodDays,
    maxRenewals: loan.maxRenewals ?? current.maxRenewals,
    fineDailyCents: loan.fineDailyCents ?? current.fineDailyCents,
    fineGraceDays: loan.fineGraceDays ?? current.fineGraceDays,
    fineCapCents: loan.fineCapCents ?? current.fineCapCents,
  };
}

/** The terms a new loan stores (see LoanTerms). */
export function termsOf(rule: ResolvedRule): Required<{ [K in keyof LoanTerms]: number }> {
  return { loanPeriodDays: rule.loanPeriodDays, maxRenewals: rule.maxRenewals, fineDailyCents: rule.fineDailyCents, fineGraceDays: rule.fineGraceDays, fineCapCents: rule.fineCapCents };
}
