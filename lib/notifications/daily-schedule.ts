import { calendarDate } from "../policies/library-time";

// When the daily job is due (docs/decisions/013-scheduled-daily-job.md). A run belongs to a
// library day; the day's run is due from its time ("HH:MM" in the library's time zone) on, and a
// server that was down then runs it as soon as it is up again.

const pad = (n: number) => String(n).padStart(2, "0");

function isoDay(year: number, month: number, day: number): string {
  const d = new Date(Date.UTC(year, month - 1, day));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The wall-clock "HH:MM" at instant `at` in `timeZone`. */
function wallTime(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", hour: "2-digit", minute: "2-digit" }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return `${get("hour")}:${get("minute")}`;
}

/** The latest library day ("YYYY-MM-DD") whose run time has come by `at`: today from `time` on, else yesterday. */
export function dueRunDay(at: Date, time: string, timeZone: string): string {
  const { year, month, day } = calendarDate(at, timeZone);
  return wallTime(at, timeZone) >= time ? isoDay(year, month, day) : isoDay(year, month, day - 1);
}

/** Whether a run is owed: the last run ("" for never) was before the latest day that is due. */
export function dailyRunMissed({ lastRunDay, at, time, timeZone }: { lastRunDay: string; at: Date; time: string; timeZone: string }): boolean {
  return lastRunDay < dueRunDay(at, time, timeZone);
}
