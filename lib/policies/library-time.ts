// Due dates fall at the end of a day in the library's time zone, so "due 12 Dec" means the
// whole of 12 December wherever the server runs.

const DAY_MS = 86_400_000;

// One formatter per zone: building one costs ~100 µs, and the daily job asks for thousands of offsets.
const zoneFormats = new Map<string, Intl.DateTimeFormat>();

function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  let format = zoneFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    zoneFormats.set(timeZone, format);
  }
  return format;
}

/** The offset of `timeZone` from UTC at instant `at`, in milliseconds. */
function zoneOffset(at: Date, timeZone: string): number {
  const parts = zoneFormat(timeZone).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The calendar date (y, m, d) that instant `at` falls on in `timeZone`. */
export function calendarDate(at: Date, timeZone: string): { year: number; month: number; day: number } {
  const local = new Date(at.getTime() + zoneOffset(at, timeZone));
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

/** The last millisecond of the library day that lies `days` days after the day of `at`. */
export function endOfLibraryDay(at: Date, days: number, timeZone: string): Date {
  const { year, month, day } = calendarDate(at, timeZone);
  const wallEnd = Date.UTC(year, month - 1, day + days, 23, 59, 59, 999);
  // The zone's offset near that moment (two passes settle daylight-saving changes).
  let instant = wallEnd - zoneOffset(new Date(wallEnd), timeZone);
  instant = wallEnd - zoneOffset(new Date(instant), timeZone);
  return new Date(instant);
}

/** Whole library days from the day of `from` to the day of `to` (0 on the same day, negative before). */
export function libraryDaysBetween(from: Date, to: Date, timeZone: string): number {
  const a = calendarDate(from, timeZone);
  const b = calendarDate(to, timeZone);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS);
}
