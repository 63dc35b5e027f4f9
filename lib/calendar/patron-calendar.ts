import ical from "ical-generator";
import { now } from "../clock";
import { db } from "../db";
import { calendarDate } from "../policies/library-time";
import { getLibrarySettings } from "../settings";
import { calendarSecret, readCalendarFeedName } from "./feed-address";

/** A date in the library's time zone as the all-day date calendar apps show. */
function libraryDay(at: Date, timeZone: string): Date {
  const { year, month, day } = calendarDate(at, timeZone);
  return new Date(Date.UTC(year, month - 1, day));
}

/**
 * The patron's private calendar (RFC 5545): an all-day event on each loan's due date and on the
 * last day to collect each hold waiting on the hold shelf. One UID per loan and per hold, so a
 * renewal moves the event instead of adding one. Null when the address is not (or no longer) good.
 */
export async function patronCalendar(feedName: string, siteUrl: string): Promise<string | null> {
  const feed = readCalendarFeedName(feedName, calendarSecret());
  if (!feed) return null;
  const patron = await db.user.findFirst({
    where: { id: feed.patronId, calendarFeedVersion: feed.version },
    select: {
      id: true,
      loans: { where: { returnedAt: null }, select: { id: true, dueAt: true, copy: { select: { barcode: true, title: { select: { title: true } } } } } },
      holds: { where: { status: "READY" }, select: { id: true, expiresAt: true, title: { select: { title: true } } } },
    },
  });
  if (!patron) return null;
  const settings = await getLibrarySettings();
  const host = new URL(siteUrl).host;
  const stamp = now();
  const calendar = ical({
    name: `${settings.name}: my loans and holds`,
    prodId: { company: "Stacks", product: "Loans and holds", language: "EN" },
    ttl: 60 * 60,
  });
  for (const loan of patron.loans) {
    calendar.createEvent({
      id: `loan-${loan.id}@${host}`,
      stamp,
      start: libraryDay(loan.dueAt, settings.timeZone),
      allDay: true,
      summary: `Due back: ${loan.copy.title.title}`,
      description: `Return or renew “${loan.copy.title.title}” (copy ${loan.copy.barcode}) by the end of the day.`,
      url: `${siteUrl}/account/loans`,
    });
  }
  for (const hold of patron.holds) {
    if (!hold.expiresAt) continue;
    calendar.createEvent({
      id: `hold-${hold.id}@${host}`,
      stamp,
      start: libraryDay(hold.expiresAt, settings.timeZone),
      allDay: true,
      summary: `Last day to collect: ${hold.title.title}`,
      description: `“${hold.title.title}” is waiting for you on the hold shelf until the end of the day.`,
      url: `${siteUrl}/account/holds`,
    });
  }
  return calendar.toString();
}
