import { db } from "../db";
import { registerPatron, type RegisteredPatron } from "./register-patron";
import type { CreateAdminInput } from "./schemas";
import { useSetupCode } from "./setup-code";

// Once an admin exists it always will (roles are never removed from the last admin), so the
// answer can be remembered for the life of the process.
let adminSeen = false;

export async function hasAdmin(): Promise<boolean> {
  if (adminSeen) return true;
  adminSeen = (await db.user.count({ where: { role: "ADMIN" } })) > 0;
  return adminSeen;
}

/** The new library's first account, with the setup code printed at start; one setup wins. */
export async function createFirstAdmin({ setupCode, ...input }: CreateAdminInput, address?: string): Promise<RegisteredPatron> {
  const admin = await registerPatron({ ...input, role: "ADMIN", categoryCode: "STAFF", address, guard: (tx) => useSetupCode(tx, setupCode) });
  adminSeen = true;
  return admin;
}
