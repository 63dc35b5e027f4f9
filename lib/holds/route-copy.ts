import type { Tx } from "../db";
import { DomainError } from "../errors";
import { enqueueNotifications } from "../notifications/enqueue";
import { appUrl, holdReadyMessage } from "../notifications/templates";
import { endOfLibraryDay } from "../policies/library-time";
import { librarySettingsIn } from "../settings";

export type CopyRouting =
  | { kind: "shelf" }
  | { kind: "hold-shelf"; holdId: number; patron: { id: number; name: string; cardNumber: string }; pickupBy: Date }
  | { kind: "pull-list"; holdId: number; patron: { id: number; name: string; cardNumber: string } };

/**
 * Decides where a copy that has just come free goes: to the first patron waiting for its title,
 * or back to the open shelf. A copy in the librarian's hands (checked in, or already on the hold
 * shelf) goes straight onto the hold shelf and its patron is told; a copy still on the open
 * shelf is set aside and joins the pull list. Runs inside the caller's transaction.
 */
export async function routeFreedCopy(tx: Tx, copyId: number, at: Date, timeZone: string, inHand = true): Promise<CopyRouting> {
  const copy = await tx.copy.findUniqueOrThrow({ where: { id: copyId }, select: { titleId: true } });
  // A hold another transaction takes first fails the conditional update; try the next in the queue.
  for (let attempt = 0; attempt < 5; attempt++) {
    // The patron is read only once there is a hold: most returns find none, and every check-in pays for this.
    const next = await tx.hold.findFirst({
      where: { titleId: copy.titleId, status: "WAITING" },
      orderBy: [{ placedAt: "asc" }, { id: "asc" }],
      select: { id: true, patronId: true },
    });
    if (!next) break;
    const patron = await tx.user.findUniqueOrThrow({
      where: { id: next.patronId },
      select: { id: true, name: true, cardNumber: true, category: { select: { holdPickupDays: true } } },
    });
    const { id, name, cardNumber } = patron;
    if (!inHand) {
      const { count } = await tx.hold.updateMany({ where: { id: next.id, status: "WAITING" }, data: { status: "IN_PROCESS", copyId } });
      if (count !== 1) continue;
      await tx.copy.update({ where: { id: copyId }, data: { status: "ON_HOLD_SHELF" } });
      return { kind: "pull-list", holdId: next.id, patron: { id, name, cardNumber } };
    }
    const pickupBy = endOfLibraryDay(at, patron.category.holdPickupDays, timeZone);
    const { count } = await tx.hold.updateMany({
      where: { id: next.id, status: "WAITING" },
      data: { status: "READY", copyId, readyAt: at, expiresAt: pickupBy },
    });
    if (count !== 1) continue;
    await tx.copy.update({ where: { id: copyId }, data: { status: "ON_HOLD_SHELF" } });
    const { title: book } = await tx.title.findUniqueOrThrow({ where: { id: copy.titleId }, select: { title: true } });
    await notifyHoldReady(tx, { holdId: next.id, patronId: id, book, pickupBy, at });
    return { kind: "hold-shelf", holdId: next.id, patron: { id, name, cardNumber }, pickupBy };
  }
  await tx.copy.updateMany({ where: { id: copyId }, data: { status: "AVAILABLE" } });
  return { kind: "shelf" };
}

/**
 * A copy scanned at the desk that is already set aside for a hold stays with that hold: a ready
 * one stays on the hold shelf; one on the pull list is now in hand, so it becomes ready and its
 * patron is told. Returns null when no hold has the copy. Runs inside the caller's transaction.
 */
export async function routeHeldCopy(tx: Tx, copyId: number, at: Date, timeZone: string): Promise<CopyRouting | null> {
  const hold = await tx.hold.findFirst({
    where: { copyId, status: { in: ["IN_PROCESS", "READY"] } },
    include: { title: { select: { title: true } }, patron: { select: { id: true, name: true, cardNumber: true, category: { select: { holdPickupDays: true } } } } },
  });
  if (!hold) return null;
  const { id, name, cardNumber } = hold.patron;
  const pickupBy = hold.status === "READY" ? hold.expiresAt! : endOfLibraryDay(at, hold.patron.category.holdPickupDays, timeZone);
  // Conditional on the state read: a cancel or expiry that got there first has passed the copy on.
  const { count } = await tx.hold.updateMany({ where: { id: hold.id, status: hold.status }, data: { status: "READY", readyAt: hold.readyAt ?? at, expiresAt: pickupBy } });
  if (count !== 1) throw new DomainError("CONFLICT", "This copy's reservation changed a moment ago. Scan it again.");
  if (hold.status === "IN_PROCESS") await notifyHoldReady(tx, { holdId: hold.id, patronId: id, book: hold.title.title, pickupBy, at });
  return { kind: "hold-shelf", holdId: hold.id, patron: { id, name, cardNumber }, pickupBy };
}

export async function notifyHoldReady(tx: Tx, n: { holdId: number; patronId: number; book: string; pickupBy: Date; at: Date }): Promise<void> {
  const settings = await librarySettingsIn(tx);
  const message = holdReadyMessage({ ...settings, appUrl: appUrl() }, n.book, n.pickupBy);
  await enqueueNotifications(
    tx,
    [{ userId: n.patronId, kind: "HOLD_READY", key: `hold:${n.holdId}:ready:${n.at.getTime()}`, holdId: n.holdId, ...message }],
    n.at,
  );
}
