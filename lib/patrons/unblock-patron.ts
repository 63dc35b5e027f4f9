import { recordAudit } from "../audit";
import { db } from "../db";
import { DomainError } from "../errors";

export type UnblockPatronOptions = { patronId: number; note: string | null; actorId: number };

/** Lifts a block; the reason it had is kept in the audit trail. */
export async function unblockPatron({ patronId, note, actorId }: UnblockPatronOptions): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: patronId }, select: { blockedReason: true } });
    const { count } = await tx.user.updateMany({ where: { id: patronId, status: "BLOCKED" }, data: { status: "ACTIVE", blockedReason: null } });
    if (count !== 1) throw before ? new DomainError("CONFLICT", "This account is not blocked.") : new DomainError("NOT_FOUND", "No such patron.");
    await recordAudit(tx, { actorId, action: "patron.unblock", entityType: "User", entityId: patronId, details: { note, wasBlockedFor: before?.blockedReason ?? null } });
  });
}
