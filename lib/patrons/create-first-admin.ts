import { db } from "../db";
import { DomainError } from "../errors";
import { registerPatron, type RegisteredPatron } from "./register-patron";
import type { RegisterInput } from "./schemas";

// Once an admin exists it always will (roles are never removed from the last admin), so the
// answer can be remembered for the life of the process.
let adminSeen = false;

export async function hasAdmin(): Promise<boolean> {
  if (adminSeen) return true;
  adminSeen = (await db.user.count({ where: { role: "ADMIN" } })) > 0;
  return adminSeen;
}

/** The new library's first account. Refused once any admin exists. */
export async function createFirstAdmin(input: RegisterInput): Promise<RegisteredPatron> {
  if (await hasAdmin()) throw new DomainError("CONFLICT", "This library already has an administrator. Sign in instead.");
  const admin = await registerPatron({ ...input, role: "ADMIN", categoryCode: "STAFF" });
  adminSeen = true;
  return admin;
}
