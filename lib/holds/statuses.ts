import { formatDate } from "../format";
import type { HoldStatus } from "../generated/sqlite/enums";

// The hold states grouped by what they mean; every query and page names the group it means
// instead of listing states (waiting → in process → ready, then fulfilled, cancelled or expired).

/** Holds still open: the patron is waiting, their copy is being fetched, or it is on the hold shelf. */
export const OPEN_HOLD_STATUSES = ["WAITING", "IN_PROCESS", "READY"] as const satisfies readonly HoldStatus[];

/** Holds that have a copy set aside for them (on the pull list or on the hold shelf). */
export const SET_ASIDE_HOLD_STATUSES = ["IN_PROCESS", "READY"] as const satisfies readonly HoldStatus[];

export type OpenHoldStatus = (typeof OPEN_HOLD_STATUSES)[number];

export function isOpenHold(status: HoldStatus): status is OpenHoldStatus {
  return (OPEN_HOLD_STATUSES as readonly HoldStatus[]).includes(status);
}

export type DescribedHold = { status: HoldStatus; position?: number; expiresAt?: Date | null };

/** How an open hold stands, in the one wording every page uses (patron's and staff's alike). */
export function describeHold(hold: DescribedHold, timeZone: string): string {
  switch (hold.status) {
    case "READY":
      return hold.expiresAt ? `Ready for pickup — collect by ${formatDate(hold.expiresAt, timeZone)}` : "Ready for pickup";
    case "IN_PROCESS":
      return "Being fetched from the shelves";
    case "WAITING":
      return hold.position ? `Waiting — number ${hold.position} in the queue` : "Waiting in the queue";
    case "FULFILLED":
      return "Collected";
    case "CANCELLED":
      return "Cancelled";
    case "EXPIRED":
      return "Not collected in time";
  }
}
