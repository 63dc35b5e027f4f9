import { randomBytes } from "node:crypto";
import { now } from "../clock";
import { db, type Tx } from "../db";
import { Prisma } from "../generated/sqlite/client";
import { toDate } from "../sql-dialect";
import type { Role } from "../generated/sqlite/enums";

// A session is a row named by the cookie. It is good while its version is the user's (a
// password change or reset, a block, a role change or "sign out everywhere" bumps the user's)
// and it has been used recently enough.
//
// Idle expiry lives in the row, not in the cookie: the proxy drops Auth.js's renewed cookie on
// purpose (proxy.ts), and pages cannot set cookies, so the cookie keeps its sign-in time for
// its whole life. The last-seen stamp is written at most once a minute, so a busy session
// costs one small write a minute rather than one a request.
export const IDLE_LIMIT_MS = { staff: 10 * 3_600_000, patron: 30 * 86_400_000 } as const;
const STAMP_EVERY_MS = 60_000;

export function idleLimitMs(role: Role): number {
  return role === "PATRON" ? IDLE_LIMIT_MS.patron : IDLE_LIMIT_MS.staff;
}

/** Opens a session for a user who has just signed in; returns its id for the cookie. */
export async function startSession(userId: number): Promise<string> {
  const at = now();
  const id = randomBytes(24).toString("base64url");
  const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
  // A version bumped meanwhile leaves this session dead at once: it fails safe.
  await db.userSession.create({ data: { id, userId, version: sessionVersion, createdAt: at, lastSeenAt: at } });
  return id;
}

/** Whether the session still stands for its user now; stamps its use. */
export async function sessionIsLive({ sessionId, userId }: { sessionId: string; userId: number }): Promise<boolean> {
  const at = now();
  // A fixed statement (decision 020): every signed-in request asks.
  const [session] = await db.$queryRaw<{ userId: number; version: number; lastSeenAt: Date | string; sessionVersion: number; role: Role }[]>(Prisma.sql`
    SELECT s."userId", s."version", s."lastSeenAt", u."sessionVersion", u."role" FROM "UserSession" s JOIN "User" u ON u."id" = s."userId" WHERE s."id" = ${sessionId}`);
  if (!session || Number(session.userId) !== userId || Number(session.version) !== Number(session.sessionVersion)) return false;
  const lastSeenAt = toDate(session.lastSeenAt);
  // An unreadable time ends the session rather than keeping it alive for ever.
  if (!lastSeenAt || Number.isNaN(lastSeenAt.getTime()) || at.getTime() - lastSeenAt.getTime() > idleLimitMs(session.role)) return false;
  if (at.getTime() - lastSeenAt.getTime() >= STAMP_EVERY_MS) {
    await db.userSession.updateMany({ where: { id: sessionId, lastSeenAt }, data: { lastSeenAt: at } });
  }
  return true;
}

/** Signing out: the session's row goes. */
export async function endSession(sessionId: string): Promise<void> {
  await db.userSession.deleteMany({ where: { id: sessionId } });
}

/**
 * Inside the transaction of a change that ends the account's sessions (the caller bumps the
 * version in its own conditional update, or lets this do it): every session but `keep` is over.
 */
export async function endOtherSessions(tx: Tx, userId: number, keep: string | null, bumped = false): Promise<void> {
  const { sessionVersion } = bumped
    ? await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } })
    : await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
  if (keep) await tx.userSession.updateMany({ where: { id: keep, userId }, data: { version: sessionVersion } });
}

/** "Sign out everywhere": every session of the account ends, this one too. */
export async function signOutEverywhere(userId: number): Promise<void> {
  await db.$transaction(async (tx) => {
    await endOtherSessions(tx, userId, null);
    await tx.userSession.deleteMany({ where: { userId } });
  });
}

/** The daily job's sweep: throttle counters past their window and sessions idle past any limit. */
export async function purgeStaleSignInRecords(): Promise<{ counters: number; sessions: number }> {
  const at = now();
  const counters = await db.signInThrottle.deleteMany({ where: { expiresAt: { lt: at } } });
  const sessions = await db.userSession.deleteMany({ where: { lastSeenAt: { lt: new Date(at.getTime() - IDLE_LIMIT_MS.patron) } } });
  return { counters: counters.count, sessions: sessions.count };
}
