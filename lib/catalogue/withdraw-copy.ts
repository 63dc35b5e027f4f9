import { recordAudit } from "../audit";
import { db } from "../db";
import { BUSY_STATUSES, copyRefusal } from "./copy-refusals";

export type WithdrawCopyOptions = { copyId: number; actorId: number };

/** Takes a copy out of circulation for good; it stays in the records with its history. */
export async function withdrawCopy({ copyId, actorId }: WithdrawCopyOptions): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.copy.updateMany({
      where: { id: copyId, status: { notIn: [...BUSY_STATUSES, "WITHDRAWN"] } },
      data: { status: "WITHDRAWN" },
    });
    if (count !== 1) throw await copyRefusal(tx, copyId, "withdraw");
    await recordAudit(tx, { actorId, action: "copy.withdraw", entityType: "Copy", entityId: copyId });
  });
}
