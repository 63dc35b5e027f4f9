import type { PatronCategory } from "../generated/sqlite/client";

/** The circulation rules of a patron category (SPEC "Circulation" defaults in the schema). */
export type CirculationPolicy = Pick<
  PatronCategory,
  | "loanPeriodDays"
  | "maxLoans"
  | "maxRenewals"
  | "fineDailyCents"
  | "fineGraceDays"
  | "fineCapCents"
  | "blockThresholdCents"
  | "maxHolds"
  | "holdPickupDays"
  | "dueSoonDays"
  | "overdueNoticeDays"
>;

export const DEFAULT_POLICY: CirculationPolicy = {
  loanPeriodDays: 21,
  maxLoans: 5,
  maxRenewals: 2,
  fineDailyCents: 25,
  fineGraceDays: 0,
  fineCapCents: 1000,
  blockThresholdCents: 500,
  maxHolds: 5,
  holdPickupDays: 7,
  dueSoonDays: 2,
  overdueNoticeDays: "1,7,14",
};

/** "1,7,14" → [1, 7, 14], sorted, positive whole days only. */
export function overdueNoticeSteps(policy: Pick<CirculationPolicy, "overdueNoticeDays">): number[] {
  return [...new Set(policy.overdueNoticeDays.split(",").map((s) => Number(s.trim())))]
    .filter((n) => Number.isInteger(n) && n > 0)
    .sort((a, b) => a - b);
}
