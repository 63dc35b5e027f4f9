import { recordAudit } from "../audit";
import { db } from "../db";
import { DomainError } from "../errors";
import type { Role } from "../generated/sqlite/enums";
import { endOtherSessions } from "./sessions";
import { rolesManageableBy, targetRefusal } from "./staff-powers";

export type BlockPatronOptions = {
  patronId: number;
  reason: string;
  /** The staff member blocking; null for a SIP2 device keeping a card left in it, named by `via`. */
  actorId: number | null;
  via?: string;
};

/**
 * Blocks an active account: no borrowing, renewing or reserving, and no staff powers, until
 * staff unblock it. Its sessions end (it may sign in again to read why). A librarian blocks
 * patrons only, and so does a device (a kiosk never blocks a staff card); nobody blocks themselves.
 */
export async function blockPatron({ patronId, reason, actorId, via }: BlockPatronOptions): Promise<void> {
  if (patronId === actorId) throw new DomainError("FORBIDDEN", "You cannot block your own account.", undefined, "OWN_ACCOUNT");
  await db.$transaction(async (tx) => {
    const roles: Role[] = actorId === null ? ["PATRON"] : await rolesManageableBy(tx, actorId);
    const { count } = await tx.user.updateMany({
      where: { id: patronId, status: "ACTIVE", role: { in: roles } },
      data: { status: "BLOCKED", blockedReason: reason, sessionVersion: { increment: 1 } },
    });
    if (count !== 1) throw (await targetRefusal(tx, patronId, roles)) ?? new DomainError("CONFLICT", "This account is already blocked.");
    await endOtherSessions(tx, patronId, null, true);
    await recordAudit(tx, { actorId, action: "patron.block", entityType: "User", entityId: patronId, details: { reason, via } });
  });
}
