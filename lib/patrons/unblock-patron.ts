import { recordAudit } from "../audit";
import { db } from "../db";
import { DomainError } from "../errors";
import { rolesManageableBy, targetRefusal } from "./staff-powers";

export type UnblockPatronOptions = { patronId: number; note: string | null; actorId: number };

/** Lifts a block (a librarian: on patrons only); the reason it had is kept in the audit trail. */
export async function unblockPatron({ patronId, note, actorId }: UnblockPatronOptions): Promise<void> {
  await db.$transaction(async (tx) => {
    const roles = await rolesManageableBy(tx, actorId);
    const before = await tx.user.findUnique({ where: { id: patronId }, select: { blockedReason: true, closedAt: true } });
    // A closed account's card stays blocked for good.
    const { count } = await tx.user.updateMany({ where: { id: patronId, status: "BLOCKED", closedAt: null, role: { in: roles } }, data: { status: "ACTIVE", blockedReason: null } });
    if (count !== 1) {
      throw (await targetRefusal(tx, patronId, roles)) ?? new DomainError("CONFLICT", before?.closedAt ? "This account was closed by its patron and cannot be unblocked." : "This account is not blocked.");
    }
    await recordAudit(tx, { actorId, action: "patron.unblock", entityType: "User", entityId: patronId, details: { note, wasBlockedFor: before?.blockedReason ?? null } });
  });
}
