import type { Tx } from "../db";
import { endOfLibraryDay } from "../policies/library-time";

export type CopyRouting =
  | { kind: "shelf" }
  | { kind: "hold-shelf"; holdId: number; patron: { id: number; name: string; cardNumber: string }; pickupBy: Date };

/**
 * Decides where a copy that has just come free goes: to the hold shelf for the first patron
 * waiting for its title, or back to the open shelf. Runs inside the caller's transaction.
 */
export async function routeFreedCopy(tx: Tx, copyId: number, at: Date, timeZone: string): Promise<CopyRouting> {
  const copy = await tx.copy.findUniqueOrThrow({ where: { id: copyId }, select: { titleId: true } });
  // A hold another transaction takes first fails the conditional update; try the next in the queue.
  for (let attempt = 0; attempt < 5; attempt++) {
    const next = await tx.hold.findFirst({
      where: { titleId: copy.titleId, status: "WAITING" },
      orderBy: [{ placedAt: "asc" }, { id: "asc" }],
      include: { patron: { select: { id: true, name: true, cardNumber: true, category: { select: { holdPickupDays: true } } } } },
    });
    if (!next) break;
    const pickupBy = endOfLibraryDay(at, next.patron.category.holdPickupDays, timeZone);
    const { count } = await tx.hold.updateMany({
      where: { id: next.id, status: "WAITING" },
      data: { status: "READY", copyId, readyAt: at, expiresAt: pickupBy },
    });
    if (count !== 1) continue;
    await tx.copy.update({ where: { id: copyId }, data: { status: "ON_HOLD_SHELF" } });
    const { id, name, cardNumber } = next.patron;
    return { kind: "hold-shelf", holdId: next.id, patron: { id, name, cardNumber }, pickupBy };
  }
  await tx.copy.update({ where: { id: copyId }, data: { status: "AVAILABLE" } });
  return { kind: "shelf" };
}
