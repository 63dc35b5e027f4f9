import { moveCopy } from "../catalogue/copy-state";
import type { Tx } from "../db";
import { DomainError } from "../errors";
import { Prisma } from "../generated/sqlite/client";
import type { CopyStatus } from "../generated/sqlite/enums";
import { enqueueNotifications } from "../notifications/enqueue";
import { appUrl, holdReadyMessage } from "../notifications/templates";
import { afterOpenDays } from "../policies/opening-days";
import { librarySettingsIn } from "../settings";
import { SET_ASIDE_HOLD_STATUSES } from "./statuses";

export type CopyRouting =
  | { kind: "shelf" }
  | { kind: "hold-shelf"; holdId: number; patron: { id: number; name: string; cardNumber: string }; pickupBy: Date }
  | { kind: "pull-list"; holdId: number; patron: { id: number; name: string; cardNumber: string } };

/**
 * The one router: decides where a copy that has just come free goes (checked in, its hold
 * cancelled, expired or fulfilled by another copy, repaired, or the last copy lost): to the first
 * patron waiting for its title, or back to the open shelf. A copy in the librarian's hands
 * (checked in, or already on the hold shelf) goes straight onto the hold shelf and its patron is
 * told; a copy still on the open shelf is set aside and joins the pull list. `from` is the status
 * the caller found the copy in: a copy moved meanwhile (withdrawn during its check-in) is refused,
 * not routed. Runs inside the caller's transaction.
 */
export async function routeFreedCopy(
  tx: Tx,
  copyId: number,
  from: readonly CopyStatus[],
  at: Date,
  timeZone: string,
  inHand = true,
): Promise<CopyRouting> {
  // What every check-in asks, in one fixed statement (decision 020): the copy's title and type,
  // and the first hold waiting for the title (its patron is read only once there is one).
  const [copy] = await tx.$queryRaw<{ titleId: number; holdable: boolean | number; notForLoan: boolean | number; holdId: number | null }[]>`
    SELECT c."titleId", t."holdable", t."notForLoan", (${firstWaitingHold(Prisma.sql`c."titleId"`)}) AS "holdId"
    FROM "Copy" c JOIN "ItemType" t ON t."code" = c."itemTypeCode" WHERE c."id" = ${copyId}`;
  if (!copy) throw new DomainError("NOT_FOUND", "This copy no longer exists.");
  // A copy whose type is not for reserving (or not for loan) serves no hold: back to the shelf.
  let waiting = copy.holdable && !copy.notForLoan ? copy.holdId : null;
  // A hold another transaction takes first fails the conditional update; try the next in the queue.
  for (let attempt = 0; waiting !== null && attempt < 5; attempt++) {
    if (attempt > 0) {
      const [again] = await tx.$queryRaw<{ id: number }[]>(firstWaitingHold(Prisma.sql`${copy.titleId}`));
      if (!again) break;
      waiting = again.id;
    }
    const next = await tx.hold.findUniqueOrThrow({
      where: { id: waiting },
      select: { id: true, patron: { select: { id: true, name: true, cardNumber: true, category: { select: { holdPickupDays: true } } } } },
    });
    const { patron } = next;
    const { id, name, cardNumber } = patron;
    if (!inHand) {
      const { count } = await tx.hold.updateMany({ where: { id: next.id, status: "WAITING" }, data: { status: "IN_PROCESS", copyId } });
      if (count !== 1) continue;
      await moveCopy(tx, copyId, from, "ON_HOLD_SHELF");
      return { kind: "pull-list", holdId: next.id, patron: { id, name, cardNumber } };
    }
    const pickupBy = await pickupDeadline(tx, at, patron.category.holdPickupDays, timeZone);
    const { count } = await tx.hold.updateMany({
      where: { id: next.id, status: "WAITING" },
      data: { status: "READY", copyId, readyAt: at, expiresAt: pickupBy },
    });
    if (count !== 1) continue;
    await moveCopy(tx, copyId, from, "ON_HOLD_SHELF");
    const { title: book } = await tx.title.findUniqueOrThrow({ where: { id: copy.titleId }, select: { title: true } });
    await notifyHoldReady(tx, { holdId: next.id, patronId: id, book, pickupBy, at });
    return { kind: "hold-shelf", holdId: next.id, patron: { id, name, cardNumber }, pickupBy };
  }
  await moveCopy(tx, copyId, from, "AVAILABLE");
  return { kind: "shelf" };
}

/** The first hold waiting for the title `titleId` names (a column or a value): the queue's head. */
function firstWaitingHold(titleId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT h."id" FROM "Hold" h WHERE h."titleId" = ${titleId} AND h."status" = 'WAITING' ORDER BY h."placedAt" ASC, h."id" ASC LIMIT 1`;
}

/**
 * A hold has lost its copy (marked lost) and waits again: the first copy of the title free on
 * the open shelf, if any, goes through the router to the first in the queue.
 */
export async function routeShelfCopy(tx: Tx, titleId: number, at: Date, timeZone: string): Promise<CopyRouting | null> {
  const copy = await tx.copy.findFirst({
    where: { titleId, status: "AVAILABLE", itemType: { holdable: true, notForLoan: false }, holds: { none: { status: { in: [...SET_ASIDE_HOLD_STATUSES] } } } },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  return copy ? routeFreedCopy(tx, copy.id, ["AVAILABLE"], at, timeZone, false) : null;
}

/**
 * A copy scanned at the desk that is already set aside for a hold stays with that hold: a ready
 * one stays on the hold shelf; one on the pull list is now in hand, so it becomes ready and its
 * patron is told. Returns null when no hold has the copy. Runs inside the caller's transaction.
 */
export async function routeHeldCopy(tx: Tx, copyId: number, at: Date, timeZone: string): Promise<CopyRouting | null> {
  const hold = await tx.hold.findFirst({
    where: { copyId, status: { in: [...SET_ASIDE_HOLD_STATUSES] } },
    include: { title: { select: { title: true } }, patron: { select: { id: true, name: true, cardNumber: true, category: { select: { holdPickupDays: true } } } } },
  });
  if (!hold) return null;
  const { id, name, cardNumber } = hold.patron;
  const pickupBy = hold.status === "READY" ? hold.expiresAt! : await pickupDeadline(tx, at, hold.patron.category.holdPickupDays, timeZone);
  // Conditional on the state read: a cancel or expiry that got there first has passed the copy on.
  const { count } = await tx.hold.updateMany({ where: { id: hold.id, status: hold.status }, data: { status: "READY", readyAt: hold.readyAt ?? at, expiresAt: pickupBy } });
  if (count !== 1) throw new DomainError("CONFLICT", "This copy's reservation changed a moment ago. Scan it again.");
  // It stays set aside: conditional, so a copy that left the hold shelf meanwhile is refused.
  await moveCopy(tx, copyId, ["ON_HOLD_SHELF"], "ON_HOLD_SHELF");
  if (hold.status === "IN_PROCESS") await notifyHoldReady(tx, { holdId: hold.id, patronId: id, book: hold.title.title, pickupBy, at });
  return { kind: "hold-shelf", holdId: hold.id, patron: { id, name, cardNumber }, pickupBy };
}

/** A copy on the hold shelf from `at` waits for its patron this many open days (closed days do not count). */
async function pickupDeadline(tx: Tx, at: Date, pickupDays: number, timeZone: string): Promise<Date> {
  const { openingDays } = await librarySettingsIn(tx);
  return afterOpenDays(at, pickupDays, openingDays, timeZone);
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
