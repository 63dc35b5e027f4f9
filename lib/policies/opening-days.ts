import { calendarDate, endOfLibraryDay } from "./library-time";

// The library's opening days: weekly closed days and dated closures. Pure, in library days
// ("YYYY-MM-DD" in the library's time zone), so "closed 25 Dec" is the whole of 25 December there.

/** A dated closure; a yearly one repeats on the same days of every year and may cross the new year. */
export type Closure = { name: string; startsOn: string; endsOn: string; yearly: boolean };

export type OpeningDays = {
  /** 0 (Sunday) to 6 (Saturday). */
  closedWeekdays: number[];
  closures: Closure[];
  /** Overdue fines count only open days. */
  noFinesOnClosedDays: boolean;
};

export const ALWAYS_OPEN: OpeningDays = { closedWeekdays: [], closures: [], noFinesOnClosedDays: true };

export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;
// The month names the rest of the app shows ("25 Dec", lib/format.ts), of a library day.
const DAY_MONTH = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

// A year of closed days in a row would be a closed library: the search stops there.
const SEARCH_DAYS = 366;
const DAY_MS = 86_400_000;

/** "0,6" (as stored) → [0, 6]; anything else is dropped. */
export function parseWeekdays(stored: string): number[] {
  return [...new Set(stored.split(",").map((s) => s.trim()).filter((s) => /^[0-6]$/.test(s)).map(Number))].sort((a, b) => a - b);
}

/** The library day ("YYYY-MM-DD") instant `at` falls on. */
export function libraryDay(at: Date, timeZone: string): string {
  const { year, month, day } = calendarDate(at, timeZone);
  return toDay(Date.UTC(year, month - 1, day));
}

function toDay(utcMidnight: number): string {
  return new Date(utcMidnight).toISOString().slice(0, 10);
}

function dayTime(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

export function addDays(day: string, days: number): string {
  return toDay(dayTime(day) + days * DAY_MS);
}

function covers(c: Closure, day: string): boolean {
  if (!c.yearly) return c.startsOn <= day && day <= c.endsOn;
  const md = day.slice(5);
  const from = c.startsOn.slice(5);
  const to = c.endsOn.slice(5);
  return from <= to ? from <= md && md <= to : md >= from || md <= to;
}

export function isClosedDay(day: string, openingDays: OpeningDays): boolean {
  return openingDays.closedWeekdays.includes(new Date(dayTime(day)).getUTCDay()) || openingDays.closures.some((c) => covers(c, day));
}

/** A due date that falls on a closed day moves to the end of the next open day; one on an open day stays. */
export function onOpenDay(dueAt: Date, openingDays: OpeningDays, timeZone: string): Date {
  const day = libraryDay(dueAt, timeZone);
  for (let shift = 0; shift <= SEARCH_DAYS; shift++) {
    if (!isClosedDay(addDays(day, shift), openingDays)) return shift === 0 ? dueAt : endOfLibraryDay(dueAt, shift, timeZone);
  }
  return dueAt;
}

/** The end of the library day on which `days` open days after the day of `at` have passed (a pickup window). */
export function afterOpenDays(at: Date, days: number, openingDays: OpeningDays, timeZone: string): Date {
  const day = libraryDay(at, timeZone);
  let shift = 0;
  for (let open = 0; open < days && shift < days + SEARCH_DAYS; ) {
    shift++;
    if (!isClosedDay(addDays(day, shift), openingDays)) open++;
  }
  return endOfLibraryDay(at, shift, timeZone);
}

/** Of the `daysLate` days after a loan's due date, those a fine counts: the open ones, unless the library fines closed days too. */
export function fineDays(daysLate: number, dueAt: Date, openingDays: OpeningDays, timeZone: string): number {
  if (!openingDays.noFinesOnClosedDays || daysLate <= 0) return Math.max(0, daysLate);
  const due = libraryDay(dueAt, timeZone);
  let open = 0;
  for (let i = 1; i <= daysLate; i++) if (!isClosedDay(addDays(due, i), openingDays)) open++;
  return open;
}

export type ClosureDates = { name: string; firstDay: string; lastDay: string };

function inYear(day: string, year: number): string | null {
  const moved = `${String(year).padStart(4, "0")}${day.slice(4)}`;
  // 29 Feb exists only in leap years.
  return Number.isNaN(dayTime(moved)) || toDay(dayTime(moved)) !== moved ? null : moved;
}

/** The dated closures that are on, or start within `withinDays` of, the day of `at`, soonest first. */
export function upcomingClosures(at: Date, openingDays: OpeningDays, timeZone: string, withinDays = 60): ClosureDates[] {
  const today = libraryDay(at, timeZone);
  const horizon = addDays(today, withinDays);
  const year = Number(today.slice(0, 4));
  const found: ClosureDates[] = [];
  for (const c of openingDays.closures) {
    const spans: [string | null, string | null][] = c.yearly
      ? [year - 1, year, year + 1].map((y) => [inYear(c.startsOn, y), inYear(c.endsOn, c.endsOn.slice(5) < c.startsOn.slice(5) ? y + 1 : y)])
      : [[c.startsOn, c.endsOn]];
    for (const [firstDay, lastDay] of spans) {
      if (firstDay && lastDay && lastDay >= today && firstDay <= horizon) found.push({ name: c.name, firstDay, lastDay });
    }
  }
  return found.sort((a, b) => (a.firstDay < b.firstDay ? -1 : a.firstDay > b.firstDay ? 1 : 0));
}

/** "25 Dec", "25–26 Dec", "31 Dec – 2 Jan". */
export function formatClosureDates({ firstDay, lastDay }: Pick<ClosureDates, "firstDay" | "lastDay">): string {
  const short = (day: string) => DAY_MONTH.format(dayTime(day));
  if (firstDay === lastDay) return short(firstDay);
  if (firstDay.slice(0, 7) === lastDay.slice(0, 7)) return `${Number(firstDay.slice(8))}–${short(lastDay)}`;
  return `${short(firstDay)} – ${short(lastDay)}`;
}

/** "Sundays", "Saturdays and Sundays" (Monday first, as a week is read). */
export function formatWeekdays(weekdays: number[]): string {
  const names = [...weekdays].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7)).map((d) => `${WEEKDAYS[d]}s`);
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
