import { setTimeout as sleep } from "node:timers/promises";
import { normaliseCode } from "../codes";
import { db } from "../db";
import type { Role } from "../generated/sqlite/enums";
import { UNUSED_HASH, verifyPassword } from "./password";
import { accountDelayMs, overLimit } from "./sign-in-throttle";
import { clearAttempts, countAttempt, forgiveAttempt } from "./throttle-counter";

export type AuthenticateOptions = { identifier: string; password: string; address: string };
export type AuthenticateOutcome =
  | { kind: "ok"; user: { id: number; name: string; email: string | null; role: Role } }
  | { kind: "invalid" }
  | { kind: "throttled" };

/**
 * Signs in by email or card number. Every attempt is counted first, in one atomic statement
 * per counter, and the counts decide before the password is verified: past the limit for
 * this (account, address) pair or this address the attempt is refused unverified; the
 * account's own count only delays verification, so its owner can always sign in from another
 * address. A successful sign-in takes its attempt back.
 */
export async function authenticate({ identifier, password, address }: AuthenticateOptions): Promise<AuthenticateOutcome> {
  const id = identifier.trim();
  const user = await db.user.findFirst({ where: identifierWhere(id), select: { id: true, name: true, email: true, role: true, passwordHash: true, closedAt: true } });
  // Email and card number are one account: counted under its id, so alternating them gains nothing.
  const account = user ? `user:${user.id}` : `unknown:${id.toLowerCase()}`;
  const pair = `${account}|${address}`;
  const [pairHits, addressHits, accountHits] = await Promise.all([
    countAttempt("pair", pair),
    countAttempt("address", address),
    countAttempt("account", account),
  ]);
  if (overLimit("pair", pairHits) || overLimit("address", addressHits)) return { kind: "throttled" };
  const delay = accountDelayMs(accountHits);
  if (delay > 0) await sleep(delay);

  const valid = await verifyPassword(user?.passwordHash ?? UNUSED_HASH, password);
  // A closed account signs in no more (its details may still wait to be cleared).
  if (!user || !valid || user.closedAt) return { kind: "invalid" };
  await Promise.all([clearAttempts("pair", pair), forgiveAttempt("address", address), forgiveAttempt("account", account)]);
  return { kind: "ok", user: { id: user.id, name: user.name, email: user.email, role: user.role } };
}

function identifierWhere(identifier: string) {
  const id = identifier.trim();
  return id.includes("@") ? { email: id.toLowerCase() } : { cardNumber: normaliseCode(id) };
}

/** After a successful sign-in: whether the account signed in with a temporary password. */
export async function mustChangePasswordAfterSignIn(identifier: string): Promise<boolean> {
  const user = await db.user.findFirst({ where: identifierWhere(identifier), select: { mustChangePassword: true } });
  return user?.mustChangePassword ?? false;
}
