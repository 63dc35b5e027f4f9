import { now } from "../clock";
import type { Tx } from "../db";
import { DomainError } from "../errors";
import type { Role } from "../generated/sqlite/enums";

/** The roles of the accounts a staff member of `role` acts on: an ADMIN any, a LIBRARIAN patrons only. */
export function manageableRoles(role: Role): Role[] {
  if (role === "ADMIN") return ["PATRON", "LIBRARIAN", "ADMIN"];
  return role === "LIBRARIAN" ? ["PATRON"] : [];
}

/**
 * Staff powers stop at staff: an ADMIN acts on any account, a LIBRARIAN on patrons only, and a
 * blocked or demoted staff member on none. Called inside the transaction of the change: writing
 * the actor's row takes its lock (a row lock on PostgreSQL, the write lock on SQLite), so a
 * block or demotion of the actor running at the same time waits for this change or refuses it.
 * The caller then writes the target with `role: { in: roles }` and checks the count.
 */
export async function rolesManageableBy(tx: Tx, actorId: number): Promise<Role[]> {
  const { count } = await tx.user.updateMany({
    where: { id: actorId, status: "ACTIVE", role: { in: ["LIBRARIAN", "ADMIN"] } },
    data: { updatedAt: now() },
  });
  if (count !== 1) throw new DomainError("FORBIDDEN", "Only active staff may do this.", undefined, "NOT_STAFF");
  const { role } = await tx.user.findUniqueOrThrow({ where: { id: actorId }, select: { role: true } });
  return manageableRoles(role);
}

export const STAFF_TARGET_MESSAGE = "Only an administrator may change a staff account.";

/** Why a conditional write on `targetId` within `roles` matched nothing. */
export async function targetRefusal(tx: Tx, targetId: number, roles: Role[]): Promise<DomainError | null> {
  const target = await tx.user.findUnique({ where: { id: targetId }, select: { role: true } });
  if (!target) return new DomainError("NOT_FOUND", "No such patron.");
  if (!roles.includes(target.role)) return new DomainError("FORBIDDEN", STAFF_TARGET_MESSAGE, undefined, "STAFF_TARGET");
  return null;
}
