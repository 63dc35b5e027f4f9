import { recordAudit } from "../audit";
import { now } from "../clock";
import { db } from "../db";
import { DomainError } from "../errors";
import type { Role } from "../generated/sqlite/enums";
import { endOtherSessions } from "./sessions";

export type SetRoleOptions = { userId: number; role: Role; actorId: number };

/**
 * Gives or takes a staff role. The library always keeps an administrator: the transaction first
 * writes every ADMIN row (row locks on PostgreSQL, the write lock on SQLite), so two admins
 * demoting each other at once are serialised and the second sees the first's change. Only an
 * active administrator changes roles, and the account's sessions end (it signs in again with
 * its new powers).
 */
export async function setRole({ userId, role, actorId }: SetRoleOptions): Promise<{ from: Role; to: Role }> {
  const at = now();
  return db.$transaction(async (tx) => {
    await tx.user.updateMany({ where: { role: "ADMIN" }, data: { updatedAt: at } });
    const actor = await tx.user.findUnique({ where: { id: actorId }, select: { role: true, status: true } });
    if (actor?.role !== "ADMIN" || actor.status !== "ACTIVE") throw new DomainError("FORBIDDEN", "Only an administrator changes roles.", undefined, "NOT_ADMIN");
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (!user) throw new DomainError("NOT_FOUND", "No such account.");
    if (user.role === role) throw new DomainError("CONFLICT", `This account already has the ${role.toLowerCase()} role.`);
    await tx.user.update({ where: { id: userId }, data: { role } });
    await endOtherSessions(tx, userId, null);
    if (user.role === "ADMIN" && (await tx.user.count({ where: { role: "ADMIN" } })) === 0) {
      throw new DomainError("REFUSED", "This is the last administrator: make someone else an administrator first.", { role: "The last administrator keeps the role." }, "LAST_ADMIN");
    }
    await recordAudit(tx, { actorId, action: "staff.role_change", entityType: "User", entityId: userId, details: { from: user.role, to: role } });
    return { from: user.role, to: role };
  });
}
