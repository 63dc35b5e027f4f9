import { recordAudit } from "../audit";
import { db } from "../db";
import { DomainError } from "../errors";
import { deleteCopiesWithoutHistory } from "./copy-state";

export type DeleteCopyOptions = { copyId: number; actorId: number };

/**
 * Deletes a copy that was never lent nor set aside for a hold (one added by mistake). A copy
 * with history is kept for the records: the librarian is offered to withdraw it instead.
 */
export async function deleteCopy({ copyId, actorId }: DeleteCopyOptions): Promise<void> {
  await db.$transaction(async (tx) => {
    const copy = await tx.copy.findUnique({ where: { id: copyId }, select: { barcode: true, titleId: true } });
    if (!copy) throw new DomainError("NOT_FOUND", "This copy no longer exists.");
    // Fines hang on loans, so "no loans" also means "no fines".
    if ((await deleteCopiesWithoutHistory(tx, { id: copyId })) !== 1) {
      throw new DomainError(
        "REFUSED",
        `Copy ${copy.barcode} has been lent or held before, so it is kept for the records. Withdraw it instead.`,
        undefined,
        "HAS_HISTORY",
      );
    }
    await recordAudit(tx, { actorId, action: "copy.delete", entityType: "Copy", entityId: copyId, details: { barcode: copy.barcode, titleId: copy.titleId } });
  });
}
