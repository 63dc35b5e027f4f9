import { circulationActor, recordAudit } from "../audit";
import { now } from "../clock";
import { db, type Tx } from "../db";
import { DomainError } from "../errors";
import { enqueueNotifications } from "../notifications/enqueue";
import { appUrl, holdCancelledMessage } from "../notifications/templates";
import { librarySettingsIn } from "../settings";
import { routeFreedCopy } from "./route-copy";
import { isOpenHold } from "./statuses";

export type CancelHoldOptions = {
  holdId: number;
  actorId: number;
  /** Self-service: the hold must be this patron's. */
  patronId?: number;
  /** A librarian cancelling says why; the patron is told. */
  reason?: string;
  /** A SIP2 device's name for the audit entry ("SIP2, device Kiosk 1"). */
  via?: string;
};

/** Cancels an open hold; a copy it had set aside passes to the next in the queue or back to the shelf. */
export async function cancelHold({ holdId, actorId, patronId, reason, via }: CancelHoldOptions): Promise<void> {
  const at = now();
  const byLibrary = patronId === undefined;
  if (byLibrary && !reason?.trim()) throw new DomainError("INVALID_INPUT", "Say why the reservation is cancelled.", { reason: "Say why the reservation is cancelled." });
  await db.$transaction(async (tx) => {
    const hold = await closeHold(tx, holdId, patronId, byLibrary ? `library: ${reason!.trim()}` : "patron", at);
    const settings = await librarySettingsIn(tx);
    if (hold.copyId) await routeFreedCopy(tx, hold.copyId, ["ON_HOLD_SHELF"], at, settings.timeZone, hold.status === "READY");
    if (byLibrary) {
      const message = holdCancelledMessage({ ...settings, appUrl: appUrl() }, hold.title.title, reason!.trim());
      await enqueueNotifications(tx, [{ userId: hold.patronId, kind: "HOLD_CANCELLED", key: `hold:${hold.id}:cancelled`, holdId: hold.id, ...message }], at);
    }
    await recordAudit(tx, { actorId: circulationActor(actorId, hold.patron), action: "hold.cancel", entityType: "Hold", entityId: hold.id, details: { by: byLibrary ? "library" : "patron", reason, ...(via ? { via } : {}) } });
  });
}

/**
 * Marks the hold cancelled, conditional on the state just read, so the copy the caller passes on
 * is the hold's own even when a check-in set one aside for it a moment ago (then it reads again).
 */
async function closeHold(tx: Tx, holdId: number, patronId: number | undefined, closeReason: string, at: Date) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const hold = await tx.hold.findFirst({
      where: { id: holdId, ...(patronId === undefined ? {} : { patronId }) },
      include: { title: { select: { title: true } }, patron: { select: { id: true, keepHistory: true } } },
    });
    if (!hold) throw new DomainError("NOT_FOUND", "No such reservation.");
    if (!isOpenHold(hold.status)) break;
    const { count } = await tx.hold.updateMany({ where: { id: holdId, status: hold.status }, data: { status: "CANCELLED", closedAt: at, closeReason } });
    if (count === 1) return hold;
  }
  throw new DomainError("CONFLICT", "This reservation is no longer open.");
}
