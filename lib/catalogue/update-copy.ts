import { recordAudit } from "../audit";
import { db } from "../db";
import { BUSY_STATUSES, copyRefusal } from "./copy-refusals";
import type { UpdateCopyInput } from "./schemas";

export type UpdateCopyOptions = { input: UpdateCopyInput; actorId: number };

/**
 * Changes a copy's shelf, notes and status (available, damaged, lost, withdrawn). A copy on loan
 * or on the hold shelf belongs to circulation: the update's condition leaves it untouched and
 * the librarian is told why.
 */
export async function updateCopy({ input, actorId }: UpdateCopyOptions): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.copy.updateMany({
      where: { id: input.copyId, status: { notIn: [...BUSY_STATUSES] } },
      data: { shelfLocation: input.shelfLocation, notes: input.notes, status: input.status },
    });
    if (count !== 1) throw await copyRefusal(tx, input.copyId, "change");
    await recordAudit(tx, { actorId, action: "copy.update", entityType: "Copy", entityId: input.copyId, details: { status: input.status, shelfLocation: input.shelfLocation } });
  });
}
