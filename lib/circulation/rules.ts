import { endOfLibraryDay, libraryDaysBetween } from "../policies/library-time";
import type { ResolvedRule } from "../policies/circulation-rule";
import type { CirculationPolicy } from "../policies/policy";

// Pure circulation rules: functions of the policy, the patron's state and the time.

/** A loan made (or renewed) at `at` is due at the end of the library day one loan period later. */
export function dueDate(at: Date, policy: Pick<CirculationPolicy, "loanPeriodDays">, timeZone: string): Date {
  return endOfLibraryDay(at, policy.loanPeriodDays, timeZone);
}

/** Whole days a loan due at `dueAt` is late at `at` (0 while not yet late). */
export function daysOverdue(dueAt: Date, at: Date, timeZone: string): number {
  if (at <= dueAt) return 0;
  return Math.max(0, libraryDaysBetween(dueAt, at, timeZone));
}

/** What the patron's account looks like when they ask to borrow or renew. */
export type PatronStanding = {
  status: "ACTIVE" | "BLOCKED";
  blockedReason: string | null;
  expiresAt: Date | null;
  openLoans: number;
  overdueLoans: number;
  unpaidFinesCents: number;
};

export type BorrowRefusal =
  | { reason: "ACCOUNT_BLOCKED"; blockedReason: string | null }
  | { reason: "ACCOUNT_EXPIRED"; expiresAt: Date }
  | { reason: "HAS_OVERDUE"; overdueLoans: number }
  | { reason: "FINES_BLOCK"; unpaidFinesCents: number; thresholdCents: number }
  | { reason: "LOAN_LIMIT"; maxLoans: number };

export type StandingRefusal = Exclude<BorrowRefusal, { reason: "LOAN_LIMIT" }>;

/** Every reason this patron may not keep or take books on credit (borrow or renew), most basic first. */
export function standingRefusals(standing: PatronStanding, policy: Pick<CirculationPolicy, "blockThresholdCents">, at: Date): StandingRefusal[] {
  const refusals: StandingRefusal[] = [];
  if (standing.status === "BLOCKED") refusals.push({ reason: "ACCOUNT_BLOCKED", blockedReason: standing.blockedReason });
  if (standing.expiresAt && standing.expiresAt <= at) refusals.push({ reason: "ACCOUNT_EXPIRED", expiresAt: standing.expiresAt });
  if (standing.overdueLoans > 0) refusals.push({ reason: "HAS_OVERDUE", overdueLoans: standing.overdueLoans });
  if (standing.unpaidFinesCents >= policy.blockThresholdCents) {
    refusals.push({ reason: "FINES_BLOCK", unpaidFinesCents: standing.unpaidFinesCents, thresholdCents: policy.blockThresholdCents });
  }
  return refusals;
}

/** The most basic reason this patron may not borrow or renew; null when none applies. */
export function standingRefusal(standing: PatronStanding, policy: Pick<CirculationPolicy, "blockThresholdCents">, at: Date): StandingRefusal | null {
  return standingRefusals(standing, policy, at)[0] ?? null;
}

/** Every reason this patron may not borrow one more book now, most basic first (the desk shows them all). */
export function borrowRefusals(standing: PatronStanding, policy: Pick<CirculationPolicy, "blockThresholdCents" | "maxLoans">, at: Date): BorrowRefusal[] {
  const refusals: BorrowRefusal[] = [];
  const standingReason = standingRefusal(standing, policy, at);
  if (standingReason) refusals.push(standingReason);
  if (standing.openLoans >= policy.maxLoans) refusals.push({ reason: "LOAN_LIMIT", maxLoans: policy.maxLoans });
  return refusals;
}

/** Why this patron may not borrow one more book now; null when they may. */
export function borrowRefusal(
  standing: PatronStanding,
  policy: Pick<CirculationPolicy, "blockThresholdCents" | "maxLoans">,
  at: Date,
): BorrowRefusal | null {
  return borrowRefusals(standing, policy, at)[0] ?? null;
}

export type RenewalRefusal =
  | Exclude<BorrowRefusal, { reason: "LOAN_LIMIT" }>
  | { reason: "NO_RENEWALS_LEFT"; maxRenewals: number }
  | { reason: "TOO_SOON" }
  | { reason: "WANTED_BY_OTHERS"; waitingHolds: number };

export type RenewalCase = {
  standing: PatronStanding;
  renewals: number;
  /** Holds by other patrons waiting for this title and not yet given a copy. */
  waitingHoldsByOthers: number;
  /** Copies of the title free to serve those holds (on the shelf, not set aside). */
  freeCopies: number;
  /** The loan's due date now, and the one renewing it now would give (see dueDate). */
  dueAt: Date;
  renewedDueAt: Date;
};

export function renewalRefusal(
  c: RenewalCase,
  policy: Pick<CirculationPolicy, "blockThresholdCents" | "maxRenewals">,
  at: Date,
): RenewalRefusal | null {
  const standing = standingRefusal(c.standing, policy, at);
  if (standing) return standing;
  if (c.renewals >= policy.maxRenewals) return { reason: "NO_RENEWALS_LEFT", maxRenewals: policy.maxRenewals };
  // A renewal that would not move the due date (on the day of checkout, say) would use one up for nothing.
  if (c.renewedDueAt <= c.dueAt) return { reason: "TOO_SOON" };
  if (c.waitingHoldsByOthers > c.freeCopies) return { reason: "WANTED_BY_OTHERS", waitingHolds: c.waitingHoldsByOthers };
  return null;
}

/** Why this copy, by its type's rule, may not go to this patron (who has `openLoansOfType` of that type out). */
export type CopyRefusal = { reason: "NOT_FOR_LOAN"; typeName: string } | { reason: "TYPE_LOAN_LIMIT"; typeName: string; maxLoansOfType: number };

export function copyRefusal(rule: Pick<ResolvedRule, "notForLoan" | "maxLoansOfType">, typeName: string, openLoansOfType: number): CopyRefusal | null {
  if (rule.notForLoan) return { reason: "NOT_FOR_LOAN", typeName };
  if (rule.maxLoansOfType !== null && openLoansOfType >= rule.maxLoansOfType) return { reason: "TYPE_LOAN_LIMIT", typeName, maxLoansOfType: rule.maxLoansOfType };
  return null;
}
