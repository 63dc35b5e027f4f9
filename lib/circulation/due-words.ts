import { plural } from "../format";
import { libraryDaysBetween } from "../policies/library-time";

/**
 * How near a due date is, counted in the library's calendar days (a loan is due until the end
 * of its last day): "Due in 3 days", "Due tomorrow", "Due today", "2 days overdue".
 */
export function dueInWords(dueAt: Date, at: Date, timeZone: string): string {
  const days = libraryDaysBetween(at, dueAt, timeZone);
  if (days > 1) return `Due in ${days} days`;
  if (days === 1) return "Due tomorrow";
  if (days === 0 && at <= dueAt) return "Due today";
  return `${plural(Math.max(1, -days), "day")} overdue`;
}
