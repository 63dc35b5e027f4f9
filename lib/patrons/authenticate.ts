import { now } from "../clock";
import { db } from "../db";
import type { Role } from "../generated/sqlite/enums";
import { UNUSED_HASH, verifyPassword } from "./password";
import { THROTTLE, afterFailure, isLocked, type ThrottleState } from "./sign-in-throttle";

export type AuthenticateOptions = { identifier: string; password: string; address: string };
export type AuthenticateOutcome =
  | { kind: "ok"; user: { id: number; name: string; email: string; role: Role } }
  | { kind: "invalid" }
  | { kind: "throttled" };

/** Signs in by email or card number, throttling failures per account and per address. */
export async function authenticate({ identifier, password, address }: AuthenticateOptions): Promise<AuthenticateOutcome> {
  const at = now();
  const id = identifier.trim().toLowerCase();
  const keys = [
    { key: `account:${id}`, limit: THROTTLE.accountLimit },
    { key: `address:${address}`, limit: THROTTLE.addressLimit },
  ];
  const states = await db.signInThrottle.findMany({ where: { key: { in: keys.map((k) => k.key) } } });
  if (states.some((s) => isLocked(s, at))) return { kind: "throttled" };

  const user = await db.user.findFirst({
    where: id.includes("@") ? { email: id } : { cardNumber: identifier.trim().toUpperCase() },
    select: { id: true, name: true, email: true, role: true, passwordHash: true },
  });
  const valid = await verifyPassword(user?.passwordHash ?? UNUSED_HASH, password);
  if (user && valid) {
    await db.signInThrottle.deleteMany({ where: { key: keys[0].key } });
    return { kind: "ok", user: { id: user.id, name: user.name, email: user.email, role: user.role } };
  }

  for (const { key, limit } of keys) {
    const previous: ThrottleState | null = states.find((s) => s.key === key) ?? null;
    const next = afterFailure(previous, at, limit);
    await db.signInThrottle.upsert({ where: { key }, create: { key, ...next }, update: next });
  }
  return { kind: "invalid" };
}
