import { recordAudit } from "../audit";
import { db } from "../db";
import { DomainError } from "../errors";
import { calendarFeedName, calendarSecret } from "./feed-address";

function feedPath(patronId: number, version: number): string {
  return `/api/calendar/${calendarFeedName(patronId, version, calendarSecret())}.ics`;
}

/** The patron's calendar feed path under the site, as the loans page shows it. */
export async function calendarFeedPath(patronId: number): Promise<string> {
  const { calendarFeedVersion } = await db.user.findUniqueOrThrow({ where: { id: patronId }, select: { calendarFeedVersion: true } });
  return feedPath(patronId, calendarFeedVersion);
}

/** "Make a new link": the old calendar address stops working at once. */
export async function replaceCalendarAddress(patronId: number): Promise<{ path: string }> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: patronId }, data: { calendarFeedVersion: { increment: 1 } } });
    if (count !== 1) throw new DomainError("NOT_FOUND", "This account no longer exists.");
    const { calendarFeedVersion } = await tx.user.findUniqueOrThrow({ where: { id: patronId }, select: { calendarFeedVersion: true } });
    await recordAudit(tx, { actorId: patronId, action: "calendar.replace_address", entityType: "User", entityId: patronId });
    return { path: feedPath(patronId, calendarFeedVersion) };
  });
}
