import { recordAudit } from "../audit";
import { moveCopy } from "../catalogue/copy-state";
import { now } from "../clock";
import { db } from "../db";
import { DomainError } from "../errors";
import { afterOpenDays } from "../policies/opening-days";
import { librarySettingsIn } from "../settings";
import { notifyHoldReady } from "./route-copy";

export type ConfirmOnHoldShelfOptions = { holdId: number; actorId: number };

/** Staff fetched the set-aside copy and put it on the hold shelf: the pickup window starts, the patron is told. */
export async function confirmOnHoldShelf({ holdId, actorId }: ConfirmOnHoldShelfOptions): Promise<{ pickupBy: Date }> {
  const at = now();
  return db.$transaction(async (tx) => {
    const hold = await tx.hold.findUnique({
      where: { id: holdId },
      include: { title: { select: { title: true } }, patron: { select: { category: { select: { holdPickupDays: true } } } } },
    });
    if (!hold) throw new DomainError("NOT_FOUND", "No such reservation.");
    const settings = await librarySettingsIn(tx);
    const pickupBy = afterOpenDays(at, hold.patron.category.holdPickupDays, settings.openingDays, settings.timeZone);
    const { count } = await tx.hold.updateMany({ where: { id: holdId, status: "IN_PROCESS" }, data: { status: "READY", readyAt: at, expiresAt: pickupBy } });
    if (count !== 1) throw new DomainError("CONFLICT", "This reservation is no longer waiting to be fetched.");
    // The copy must still be the one set aside: conditional, so one moved meanwhile is refused.
    if (hold.copyId) await moveCopy(tx, hold.copyId, ["ON_HOLD_SHELF"], "ON_HOLD_SHELF");
    await notifyHoldReady(tx, { holdId, patronId: hold.patronId, book: hold.title.title, pickupBy, at });
    await recordAudit(tx, { actorId, action: "hold.ready", entityType: "Hold", entityId: holdId, details: { copyId: hold.copyId } });
    return { pickupBy };
  });
}
