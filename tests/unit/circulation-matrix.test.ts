import { describe, expect, it } from "vitest";
import { copyRefusalMessage } from "@/lib/circulation/messages";
import { copyRefusal } from "@/lib/circulation/rules";
import { loanTerms, resolveRule, resolveRuleWithSources, termsOf, type CategoryRule, type RuleCell } from "@/lib/policies/circulation-rule";

const adult: CategoryRule = { loanPeriodDays: 21, maxRenewals: 2, fineDailyCents: 25, fineGraceDays: 0, fineCapCents: 1000 };
const child: CategoryRule = { loanPeriodDays: 21, maxRenewals: 2, fineDailyCents: 10, fineGraceDays: 0, fineCapCents: 300 };
const dvd: RuleCell = { loanPeriodDays: 7, fineDailyCents: 100 };
const reference: RuleCell = { notForLoan: true, holdable: false };

describe("resolving the circulation matrix, field by field, most specific first", () => {
  it.each<[string, CategoryRule, RuleCell | null, RuleCell | null, Partial<ReturnType<typeof resolveRule>>]>([
    ["a book (no type row, no cell) takes the category's policy", adult, null, null, { loanPeriodDays: 21, fineDailyCents: 25, maxLoansOfType: null, holdable: true, notForLoan: false }],
    ["a DVD takes the type's 7 days and 1.00 a day, the rest from the category", adult, dvd, null, { loanPeriodDays: 7, fineDailyCents: 100, fineCapCents: 1000, maxRenewals: 2 }],
    ["a child's DVD: the type's row still beats the category's own fine", child, dvd, null, { loanPeriodDays: 7, fineDailyCents: 100, fineCapCents: 300 }],
    ["a cell beats the type's row", child, dvd, { fineDailyCents: 50, maxLoans: 1 }, { loanPeriodDays: 7, fineDailyCents: 50, maxLoansOfType: 1 }],
    ["a cell's null inherits", adult, dvd, { loanPeriodDays: null, maxRenewals: 0 }, { loanPeriodDays: 7, maxRenewals: 0 }],
    ["reference is not for loan nor reservable", adult, reference, null, { notForLoan: true, holdable: false, loanPeriodDays: 21 }],
    ["a cell may lend reference copies to one category", adult, reference, { notForLoan: false, loanPeriodDays: 1 }, { notForLoan: false, holdable: false, loanPeriodDays: 1 }],
    ["0 in a cell is a value, not inherit", adult, dvd, { fineDailyCents: 0 }, { fineDailyCents: 0 }],
  ])("%s", (_, category, type, cell, expected) => {
    expect(resolveRule(category, type, cell)).toMatchObject(expected);
  });

  it("names where each value came from", () => {
    expect(resolveRuleWithSources(adult, dvd, { maxLoans: 2 }).sources).toEqual({
      loanPeriodDays: "type",
      maxLoans: "cell",
      maxRenewals: "category",
      fineDailyCents: "type",
      fineGraceDays: "category",
      fineCapCents: "category",
      holdable: "library",
      notForLoan: "library",
    });
  });
});

describe("a loan keeps its terms", () => {
  it("uses the terms stored on the loan, and today's rule for a loan made before there were any", () => {
    const made = termsOf(resolveRule(adult, dvd, null));
    expect(loanTerms(made, adult)).toEqual({ loanPeriodDays: 7, maxRenewals: 2, fineDailyCents: 100, fineGraceDays: 0, fineCapCents: 1000 });
    expect(loanTerms({ loanPeriodDays: null, maxRenewals: null, fineDailyCents: null, fineGraceDays: null, fineCapCents: null }, adult)).toEqual(adult);
  });
});

describe("copies a patron may not borrow", () => {
  it.each([
    [{ notForLoan: true, maxLoansOfType: null }, 0, "NOT_FOR_LOAN"],
    [{ notForLoan: false, maxLoansOfType: 2 }, 2, "TYPE_LOAN_LIMIT"],
    [{ notForLoan: false, maxLoansOfType: 2 }, 1, null],
    [{ notForLoan: false, maxLoansOfType: 0 }, 0, "TYPE_LOAN_LIMIT"],
    [{ notForLoan: false, maxLoansOfType: null }, 99, null],
  ])("%o with %i of the type out: %s", (rule, out, reason) => {
    expect(copyRefusal(rule, "DVD", out)?.reason ?? null).toBe(reason);
  });

  it("says so in plain words", () => {
    expect(copyRefusalMessage({ reason: "NOT_FOR_LOAN", typeName: "Reference" })).toBe("This copy is for use in the library only (Reference) and cannot be borrowed.");
    expect(copyRefusalMessage({ reason: "TYPE_LOAN_LIMIT", typeName: "DVD", maxLoansOfType: 2 })).toBe("This card already has 2 DVD loans out, the most allowed for DVD. Return one to borrow another.");
  });
});
