import type { Tx } from "../db";
import { DomainError } from "../errors";
import { resolveRule, type CategoryRule, type ResolvedRule, type RuleCell } from "./circulation-rule";

export type TypedRule = { rule: ResolvedRule; itemType: { code: string; name: string } };

type RuleReader = Pick<Tx, "itemType" | "circulationRule">;

/**
 * The rule in force for every item type, for a patron of this category (whose own policy is
 * `category`), by type code. A handful of types: one read of each table.
 */
export async function rulesForCategory(client: RuleReader, categoryId: number, category: CategoryRule): Promise<Map<string, TypedRule>> {
  const [types, cells] = await Promise.all([client.itemType.findMany(), client.circulationRule.findMany({ where: { categoryId } })]);
  return new Map(
    types.map((type) => [
      type.code,
      { rule: resolveRule(category, type, cells.find((c) => c.itemTypeId === type.id) ?? null), itemType: { code: type.code, name: type.name } },
    ]),
  );
}

type TypeAndCellRow = Omit<RuleCell, "holdable" | "notForLoan"> & {
  id: number;
  code: string;
  name: string;
  holdable: boolean | number;
  notForLoan: boolean | number;
  cellId: number | null;
  cellLoanPeriodDays: number | null;
  cellMaxLoans: number | null;
  cellMaxRenewals: number | null;
  cellFineDailyCents: number | null;
  cellFineGraceDays: number | null;
  cellFineCapCents: number | null;
  cellHoldable: boolean | number | null;
  cellNotForLoan: boolean | number | null;
};

/** SQLite hands booleans back as 0 and 1. */
const flag = (value: boolean | number | null): boolean | null => (value === null ? null : Boolean(value));

/**
 * The rule in force for a copy of the type `itemTypeCode` lent to a patron of this category:
 * the type and the matrix's cell in one fixed statement, since every check-out, late return and
 * renewal asks (decision 020).
 */
export async function ruleFor(client: Pick<Tx, "$queryRaw">, categoryId: number, category: CategoryRule, itemTypeCode: string): Promise<TypedRule> {
  const [row] = await client.$queryRaw<TypeAndCellRow[]>`
    SELECT t."id", t."code", t."name", t."loanPeriodDays", t."maxLoans", t."maxRenewals", t."fineDailyCents", t."fineGraceDays", t."fineCapCents",
      t."holdable", t."notForLoan", r."id" AS "cellId", r."loanPeriodDays" AS "cellLoanPeriodDays", r."maxLoans" AS "cellMaxLoans",
      r."maxRenewals" AS "cellMaxRenewals", r."fineDailyCents" AS "cellFineDailyCents", r."fineGraceDays" AS "cellFineGraceDays",
      r."fineCapCents" AS "cellFineCapCents", r."holdable" AS "cellHoldable", r."notForLoan" AS "cellNotForLoan"
    FROM "ItemType" t LEFT JOIN "CirculationRule" r ON r."itemTypeId" = t."id" AND r."categoryId" = ${categoryId}
    WHERE t."code" = ${itemTypeCode}`;
  if (!row) throw new DomainError("NOT_FOUND", `No item type has the code ${itemTypeCode}.`);
  const type: RuleCell = {
    loanPeriodDays: row.loanPeriodDays,
    maxLoans: row.maxLoans,
    maxRenewals: row.maxRenewals,
    fineDailyCents: row.fineDailyCents,
    fineGraceDays: row.fineGraceDays,
    fineCapCents: row.fineCapCents,
    holdable: Boolean(row.holdable),
    notForLoan: Boolean(row.notForLoan),
  };
  const cell: RuleCell | null =
    row.cellId === null
      ? null
      : {
          loanPeriodDays: row.cellLoanPeriodDays,
          maxLoans: row.cellMaxLoans,
          maxRenewals: row.cellMaxRenewals,
          fineDailyCents: row.cellFineDailyCents,
          fineGraceDays: row.cellFineGraceDays,
          fineCapCents: row.cellFineCapCents,
          holdable: flag(row.cellHoldable),
          notForLoan: flag(row.cellNotForLoan),
        };
  return { rule: resolveRule(category, type, cell), itemType: { code: row.code, name: row.name } };
}
