import { calendarDate, endOfLibraryDay } from "../policies/library-time";

// The reports' date range: whole library days from `from` to `to` (inclusive), as typed in the
// URL (YYYY-MM-DD); by default the last twelve months, this one included.

export type ReportRange = {
  from: string;
  to: string;
  /** First instant of `from` and first instant after `to`, in the library's time zone. */
  start: Date;
  end: Date;
  /** Every month the range touches, "YYYY-MM", oldest first. */
  months: string[];
  /** The library's offset from UTC now, in minutes (for bucketing by month in SQL). */
  offsetMinutes: number;
};

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (d: { year: number; month: number; day: number }) => `${d.year}-${pad(d.month)}-${pad(d.day)}`;

function parseDate(value: string | undefined): { year: number; month: number; day: number } | null {
  const m = DATE.exec(value ?? "");
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  return check.getUTCMonth() === month - 1 && year >= 1900 && year <= 9999 ? { year, month, day } : null;
}

/** The first instant of calendar day (y, m, d) in `timeZone`. */
export function startOfLibraryDay(date: { year: number; month: number; day: number }, timeZone: string): Date {
  const noonUtc = new Date(Date.UTC(date.year, date.month - 1, date.day, 12));
  const local = calendarDate(noonUtc, timeZone);
  const shift = Math.round((Date.UTC(date.year, date.month - 1, date.day) - Date.UTC(local.year, local.month - 1, local.day)) / DAY_MS);
  return new Date(endOfLibraryDay(noonUtc, shift - 1, timeZone).getTime() + 1);
}

/**
 * Why the typed range cannot be reported on (its first day after its last), or null. The page
 * refuses such a range beside the dates, which keep what was typed.
 */
export function reportRangeError(params: { from?: string; to?: string }): string | null {
  const from = parseDate(params.from);
  const to = parseDate(params.to);
  if (!from || !to || iso(from) <= iso(to)) return null;
  return `“From” (${iso(from)}) is after “To” (${iso(to)}): change one of them to see the reports.`;
}

export function reportRange(params: { from?: string; to?: string }, at: Date, timeZone: string): ReportRange {
  const today = calendarDate(at, timeZone);
  const defaultFrom = { year: today.month === 12 ? today.year : today.year - 1, month: (today.month % 12) + 1, day: 1 };
  let from = parseDate(params.from) ?? defaultFrom;
  let to = parseDate(params.to) ?? today;
  if (iso(from) > iso(to)) [from, to] = [to, from];
  const start = startOfLibraryDay(from, timeZone);
  const end = new Date(endOfLibraryDay(startOfLibraryDay(to, timeZone), 0, timeZone).getTime() + 1);
  const months: string[] = [];
  for (let y = from.year, m = from.month; y < to.year || (y === to.year && m <= to.month); m === 12 ? (y++, (m = 1)) : m++) {
    months.push(`${y}-${pad(m)}`);
  }
  return { from: iso(from), to: iso(to), start, end, months, offsetMinutes: zoneMinutes(today, timeZone) };
}

/** The zone's offset from UTC at the start of `day`, in minutes (east positive). */
function zoneMinutes(day: { year: number; month: number; day: number }, timeZone: string): number {
  return Math.round((Date.UTC(day.year, day.month - 1, day.day) - startOfLibraryDay(day, timeZone).getTime()) / 60_000);
}
