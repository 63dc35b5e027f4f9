import { now } from "../clock";
import { db } from "../db";
import { DomainError } from "../errors";
import { overLimit, throttleWindow, type ThrottleKind } from "./sign-in-throttle";

/**
 * Counts one attempt and returns the count in the window, this attempt included. ONE statement
 * (INSERT … ON CONFLICT DO UPDATE … RETURNING, the same on SQLite and PostgreSQL), so parallel
 * attempts each get their own number and none is lost.
 */
export async function countAttempt(kind: ThrottleKind, subject: string, at = now()): Promise<number> {
  const { key, expiresAt } = throttleWindow(kind, subject, at);
  const rows = await db.$queryRaw<{ hits: number | bigint }[]>`
    INSERT INTO "SignInThrottle" ("key", "hits", "expiresAt") VALUES (${key}, 1, ${expiresAt})
    ON CONFLICT ("key") DO UPDATE SET "hits" = "SignInThrottle"."hits" + 1
    RETURNING "hits"`;
  return Number(rows[0].hits);
}

/** Takes back one counted attempt (it turned out to be the account's owner). */
export async function forgiveAttempt(kind: ThrottleKind, subject: string, at = now()): Promise<void> {
  const { key } = throttleWindow(kind, subject, at);
  await db.signInThrottle.updateMany({ where: { key, hits: { gt: 0 } }, data: { hits: { decrement: 1 } } });
}

/** Forgets the window's attempts for the key. */
export async function clearAttempts(kind: ThrottleKind, subject: string, at = now()): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: throttleWindow(kind, subject, at).key } });
}

/** Counts the attempt and refuses it past the kind's limit. */
export async function throttle(kind: Exclude<ThrottleKind, "account">, subject: string, message: string): Promise<void> {
  if (overLimit(kind, await countAttempt(kind, subject))) throw new DomainError("RATE_LIMITED", message, undefined, "THROTTLED");
}
