// next/navigation in lib/ on purpose: sending a visitor to sign in is the one session helper's job,
// so no page or action can check the role and forget to leave (allowed in .dependency-cruiser.cjs).
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "./auth";
import { isStaff, mayActAs } from "./auth.config";
import { db } from "./db";
import { Prisma } from "./generated/sqlite/client";
import type { Role } from "./generated/sqlite/enums";

export type SessionUser = {
  id: number;
  name: string;
  email: string | null;
  role: Role;
  cardNumber: string;
  status: "ACTIVE" | "BLOCKED";
  mustChangePassword: boolean;
  /** The session this request belongs to (kept signed in by the account's own password change). */
  sessionId: string | null;
};

/**
 * The signed-in user as the database knows them now (a role taken away applies at once).
 * auth() has already checked the session itself (version, idle time: lib/auth.ts).
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  // A fixed statement (decision 020). A closed account's sessions have ended; closedAt refuses
  // one that raced the closing.
  const [user] = await db.$queryRaw<(Omit<SessionUser, "sessionId" | "mustChangePassword"> & { mustChangePassword: boolean | number })[]>(Prisma.sql`
    SELECT u."id", u."name", u."email", u."role", u."cardNumber", u."status", u."mustChangePassword" FROM "User" u WHERE u."id" = ${id} AND u."closedAt" IS NULL`);
  return user ? { ...user, id: Number(user.id), mustChangePassword: Boolean(user.mustChangePassword), sessionId: session?.sessionId ?? null } : null;
});

/** For pages and server actions: the user, or off to sign in (or to replace a temporary password first). */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  if (user.mustChangePassword) redirect("/change-password");
  return user;
}

/** For pages and server actions: a user with one of `roles` (a blocked staff account has none), or the refusal page (app/forbidden.tsx) with 403 at the same address. */
export async function requireRole(...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser();
  if (!mayActAs(user, roles)) forbidden();
  return user;
}

export function requireStaff(): Promise<SessionUser> {
  return requireRole("LIBRARIAN", "ADMIN");
}

export { isStaff };
