import type { CopyStatus } from "@/lib/generated/sqlite/enums";
import { formatDate, formatShortDate } from "@/lib/format";
import { calendarDate } from "@/lib/policies/library-time";

export type CopyCounts = Partial<Record<CopyStatus, number>>;

export type AvailabilityInput = {
  /** Copies of the title by status (withdrawn ones are ignored). */
  copies: CopyCounts;
  /** Holds still waiting to be filled or picked up. */
  openHolds: number;
  /** Earliest due date of the title's open loans. */
  nextDueAt: Date | null;
};

export type Availability = {
  /** Copies a patron can count on (withdrawn ones are gone for them). */
  total: number;
  available: number;
  /** "2 of 3 available", "All 3 copies on loan · 4 holds · next due 12 Dec", "On loan · overdue since 22 Nov 2025". */
  label: string;
};

/** A due date as the line shows it: the year only when it is not this year's. */
function dueDay(dueAt: Date, at: Date, timeZone: string): string {
  return calendarDate(dueAt, timeZone).year === calendarDate(at, timeZone).year ? formatShortDate(dueAt, timeZone) : formatDate(dueAt, timeZone);
}

/** The availability line of a title, as patrons read it at `at`. Dates in the library's time zone. */
export function describeAvailability(input: AvailabilityInput, timeZone: string, at: Date): Availability {
  const count = (status: CopyStatus) => input.copies[status] ?? 0;
  const available = count("AVAILABLE");
  const onLoan = count("ON_LOAN");
  const total = available + onLoan + count("ON_HOLD_SHELF") + count("LOST") + count("DAMAGED");

  if (total === 0) return { total, available, label: "No copies in the library" };
  if (available > 0) return { total, available, label: `${available} of ${total} available` };

  const parts = [onLoan === total ? (total === 1 ? "On loan" : `All ${total} copies on loan`) : total === 1 ? "Not available" : `None of ${total} available`];
  if (input.openHolds > 0) parts.push(input.openHolds === 1 ? "1 hold" : `${input.openHolds} holds`);
  if (input.nextDueAt) {
    const day = dueDay(input.nextDueAt, at, timeZone);
    parts.push(input.nextDueAt < at ? `overdue since ${day}` : `next due ${day}`);
  }
  return { total, available, label: parts.join(" · ") };
}
