import { recordAudit } from "../audit";
import { db } from "../db";
import { DomainError } from "../errors";
import { deleteCopiesWithoutHistory } from "./copy-state";

export type DeleteTitleOptions = { titleId: number; actorId: number };

/**
 * Deletes a title catalogued by mistake, with its copies, when nothing of it was ever lent or
 * held. Otherwise it is kept for history and reports: the librarian is offered to withdraw it.
 */
export async function deleteTitle({ titleId, actorId }: DeleteTitleOptions): Promise<void> {
  await db.$transaction(async (tx) => {
    const title = await tx.title.findUnique({ where: { id: titleId }, select: { title: true } });
    if (!title) throw new DomainError("NOT_FOUND", "This title no longer exists.");
    const copies = await deleteCopiesWithoutHistory(tx, { titleId });
    // Left standing when a copy with history remains or a hold was ever placed; the copies
    // deleted above come back with the rollback.
    const { count } = await tx.title.deleteMany({ where: { id: titleId, copies: { none: {} }, holds: { none: {} } } });
    if (count !== 1) {
      throw new DomainError(
        "REFUSED",
        `“${title.title}” has been lent or reserved before, so it is kept for history and reports. Withdraw it instead.`,
        undefined,
        "HAS_HISTORY",
      );
    }
    await recordAudit(tx, { actorId, action: "title.delete", entityType: "Title", entityId: titleId, details: { title: title.title, copies } });
  });
}
