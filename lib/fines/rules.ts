import { daysOverdue } from "../circulation/rules";
import { fineDays, type OpeningDays } from "../policies/opening-days";
import type { CirculationPolicy } from "../policies/policy";

/**
 * The overdue fine for a loan due at `dueAt` and returned (or looked at) at `at`.
 * As in Koha, the grace period is forgiveness, not a discount: a loan returned within it owes
 * nothing, one returned later owes every day from the due date, up to the cap. Days the library
 * is closed do not count (unless the library fines them too).
 */
export function overdueFineCents(
  dueAt: Date,
  at: Date,
  policy: Pick<CirculationPolicy, "fineDailyCents" | "fineGraceDays" | "fineCapCents">,
  timeZone: string,
  openingDays: OpeningDays,
): number {
  const days = fineDays(daysOverdue(dueAt, at, timeZone), dueAt, openingDays, timeZone);
  if (days <= policy.fineGraceDays) return 0;
  return Math.min(days * policy.fineDailyCents, policy.fineCapCents);
}

export type FineAmounts = { amountCents: number; paidCents: number; waivedCents: number };

export function outstandingCents(fine: FineAmounts): number {
  return fine.amountCents - fine.paidCents - fine.waivedCents;
}

/**
 * Spreads a payment or waiver of `amountCents` over fines, oldest first.
 * Returns the share of each fine; the caller has checked the amount is not more than owed.
 */
export function allocate<F extends FineAmounts & { id: number }>(fines: F[], amountCents: number): { fineId: number; amountCents: number }[] {
  const shares: { fineId: number; amountCents: number }[] = [];
  let left = amountCents;
  for (const fine of fines) {
    if (left <= 0) break;
    const share = Math.min(outstandingCents(fine), left);
    if (share > 0) {
      shares.push({ fineId: fine.id, amountCents: share });
      left -= share;
    }
  }
  return shares;
}
