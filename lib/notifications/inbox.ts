import { now } from "../clock";
import { db } from "../db";
import { Prisma } from "../generated/sqlite/client";
import { countRows } from "../sql-dialect";

export function unreadCount(userId: number): Promise<number> {
  // A fixed statement (decision 020): the bell on every signed-in page asks.
  return countRows(db, Prisma.sql`
    SELECT COUNT(*) AS n FROM "Notification" nt WHERE nt."userId" = ${userId} AND nt."channel" = 'IN_APP' AND nt."readAt" IS NULL`);
}

export function inbox(userId: number, take = 50) {
  return db.notification.findMany({ where: { userId, channel: "IN_APP" }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take });
}

/** Marks one of the user's own notices read (or all of them): someone else's id changes nothing. */
export async function markRead({ userId, notificationId }: { userId: number; notificationId?: number }): Promise<number> {
  const { count } = await db.notification.updateMany({
    where: { userId, channel: "IN_APP", readAt: null, ...(notificationId ? { id: notificationId } : {}) },
    data: { readAt: now() },
  });
  return count;
}
