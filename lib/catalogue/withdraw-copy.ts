import { recordAudit } from "../audit";
import { db } from "../db";
import { copyRefusal } from "./copy-refusals";
import { tryMoveCopy } from "./copy-state";

export type WithdrawCopyOptions = { copyId: number; actorId: number };

/** Takes a copy out of circulation for good; it stays in the records with its history. */
export async function withdrawCopy({ copyId, actorId }: WithdrawCopyOptions): Promise<void> {
  await db.$transaction(async (tx) => {
    if (!(await tryMoveCopy(tx, copyId, ["AVAILABLE", "DAMAGED", "LOST"], "WITHDRAWN"))) throw await copyRefusal(tx, copyId, "withdraw");
    await recordAudit(tx, { actorId, action: "copy.withdraw", entityType: "Copy", entityId: copyId });
  });
}
