import { recordAudit } from "../audit";
import { db } from "../db";
import { DomainError } from "../errors";

export type BlockPatronOptions = { patronId: number; reason: string; actorId: number };

/** Blocks an active account: no borrowing, renewing or reserving until staff unblock it. */
export async function blockPatron({ patronId, reason, actorId }: BlockPatronOptions): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: patronId, status: "ACTIVE" }, data: { status: "BLOCKED", blockedReason: reason } });
    if (count !== 1) {
      const exists = await tx.user.count({ where: { id: patronId } });
      throw exists ? new DomainError("CONFLICT", "This account is already blocked.") : new DomainError("NOT_FOUND", "No such patron.");
    }
    await recordAudit(tx, { actorId, action: "patron.block", entityType: "User", entityId: patronId, details: { reason } });
  });
}
