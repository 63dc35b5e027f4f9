import { recordAudit } from "../audit";
import { now } from "../clock";
import { db } from "../db";
import { DomainError } from "../errors";

export type RestoreTitleOptions = { titleId: number; actorId: number };

/**
 * Brings a withdrawn title back into the catalogue. Its copies stay withdrawn: a withdrawn copy
 * has usually left the building (sold, pulped, given away), so the librarian returns to the
 * shelf, one by one, the copies still in hand. Returns how many copies stay withdrawn.
 */
export async function restoreTitle({ titleId, actorId }: RestoreTitleOptions): Promise<{ copiesWithdrawn: number }> {
  const at = now();
  return db.$transaction(async (tx) => {
    const { count } = await tx.title.updateMany({ where: { id: titleId, withdrawnAt: { not: null } }, data: { withdrawnAt: null, updatedAt: at } });
    if (count !== 1) {
      const exists = await tx.title.count({ where: { id: titleId } });
      throw exists ? new DomainError("REFUSED", "This title is already in the catalogue.", undefined, "TITLE_NOT_WITHDRAWN") : new DomainError("NOT_FOUND", "This title no longer exists.");
    }
    const copiesWithdrawn = await tx.copy.count({ where: { titleId, status: "WITHDRAWN" } });
    await recordAudit(tx, { actorId, action: "title.restore", entityType: "Title", entityId: titleId, details: { copiesWithdrawn } });
    return { copiesWithdrawn };
  });
}
