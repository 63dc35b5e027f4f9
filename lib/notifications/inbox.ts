import { now } from "../clock";
import { db } from "../db";

export function unreadCount(userId: number): Promise<number> {
  return db.notification.count({ where: { userId, channel: "IN_APP", readAt: null } });
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
