import { recordAudit } from "../audit";
import { db, isUniqueViolation } from "../db";
import { DomainError } from "../errors";
import type { EditPatronInput } from "./admin-schemas";
import { rolesManageableBy, targetRefusal } from "./staff-powers";

export type UpdatePatronOptions = { input: EditPatronInput; actorId: number };

/** Staff edit an account's details (a librarian: patrons only); the email stays unique (the database's index decides). */
export async function updatePatron({ input, actorId }: UpdatePatronOptions): Promise<void> {
  const { patronId, ...data } = input;
  try {
    await db.$transaction(async (tx) => {
      const roles = await rolesManageableBy(tx, actorId);
      const before = await tx.user.findUnique({ where: { id: patronId }, select: { name: true, email: true, phone: true, address: true, categoryId: true } });
      if (!before) throw new DomainError("NOT_FOUND", "No such patron.");
      const category = await tx.patronCategory.findUnique({ where: { id: data.categoryId }, select: { id: true } });
      if (!category) throw new DomainError("INVALID_INPUT", "Choose a category.", { categoryId: "Choose a category." });
      // A closed account whose details were cleared stays cleared: writing a name or an address
      // back would tie its kept history to a person again.
      const { count } = await tx.user.updateMany({ where: { id: patronId, role: { in: roles }, anonymisedAt: null }, data });
      if (count !== 1) {
        const cleared = await tx.user.count({ where: { id: patronId, anonymisedAt: { not: null } } });
        if (cleared) throw new DomainError("REFUSED", "This account was closed and its details cleared: they cannot be edited.");
        throw (await targetRefusal(tx, patronId, roles))!;
      }
      const changed = Object.fromEntries(
        (Object.keys(data) as (keyof typeof data)[]).filter((k) => before[k] !== data[k]).map((k) => [k, { from: before[k], to: data[k] }]),
      );
      await recordAudit(tx, { actorId, action: "patron.update", entityType: "User", entityId: patronId, details: changed });
    });
  } catch (e) {
    if (isUniqueViolation(e, "email")) {
      throw new DomainError("CONFLICT", "Another account already uses this email.", { email: "Another account already uses this email." });
    }
    throw e;
  }
}
