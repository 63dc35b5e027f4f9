import { recordAudit } from "../audit";
import { now } from "../clock";
import { db } from "../db";
import { enqueueNotifications } from "../notifications/enqueue";
import { appUrl, holdExpiredMessage } from "../notifications/templates";
import { librarySettingsIn } from "../settings";
import { routeFreedCopy } from "./route-copy";

/** Ready holds whose pickup window has closed expire; each copy passes to the next in its queue. */
export async function expireHolds(): Promise<number> {
  const at = now();
  let expired = 0;
  for (;;) {
    const due = await db.hold.findMany({ where: { status: "READY", expiresAt: { lt: at } }, select: { id: true }, orderBy: { id: "asc" }, take: 100 });
    if (due.length === 0) return expired;
    for (const { id } of due) {
      const done = await db.$transaction(async (tx) => {
        const { count } = await tx.hold.updateMany({ where: { id, status: "READY", expiresAt: { lt: at } }, data: { status: "EXPIRED", closedAt: at, closeReason: "not collected" } });
        if (count !== 1) return false; // another run got there first
        const hold = await tx.hold.findUniqueOrThrow({ where: { id }, include: { title: { select: { title: true } } } });
        const settings = await librarySettingsIn(tx);
        if (hold.copyId) await routeFreedCopy(tx, hold.copyId, ["ON_HOLD_SHELF"], at, settings.timeZone, true);
        const message = holdExpiredMessage({ ...settings, appUrl: appUrl() }, hold.title.title);
        await enqueueNotifications(tx, [{ userId: hold.patronId, kind: "HOLD_EXPIRED", key: `hold:${id}:expired`, holdId: id, ...message }], at);
        await recordAudit(tx, { actorId: null, action: "hold.expire", entityType: "Hold", entityId: id });
        return true;
      });
      if (done) expired++;
    }
  }
}
