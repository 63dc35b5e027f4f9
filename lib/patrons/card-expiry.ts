import { endOfLibraryDay } from "../policies/library-time";

/**
 * The one card-expiry rule: a card issued or renewed at `at` runs its category's validity, to the
 * end of that library day, so a card never lapses in the middle of an opening day.
 */
export function cardExpiry(at: Date, validityDays: number, timeZone: string): Date {
  return endOfLibraryDay(at, validityDays, timeZone);
}
