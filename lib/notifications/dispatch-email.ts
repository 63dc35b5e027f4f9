import { randomUUID } from "node:crypto";
import { now } from "../clock";
import { db } from "../db";
import { Prisma } from "../generated/sqlite/client";
import { inValues, skipLockedRows } from "../sql-dialect";
import { getMailer, type Mailer } from "./mailer";
import { withSecretLink } from "./templates";

export const MAX_ATTEMPTS = 5;
const CLAIM_MS = 10 * 60_000;
const BATCH = 500;
/** Messages in flight at once: enough to keep the mail workers and SMTP connections busy. */
const PARALLEL = 64;

/** Minutes to wait before attempt n+1 after n failed attempts: 1, 5, 30, 120. */
export function retryDelayMinutes(failedAttempts: number): number {
  return [1, 5, 30, 120][Math.min(failedAttempts, 4) - 1] ?? 120;
}

export type DispatchResult = { sent: number; failed: number; retrying: number };

/**
 * Sends pending emails from the outbox. Each batch is claimed with one conditional update that
 * stamps this run's token and a lease on rows still pending and unleased; only rows carrying the
 * token are sent, so two dispatchers (two cron runs, two instances) never send the same email.
 */
export async function dispatchPendingEmails({ limit = 1000 }: { limit?: number } = {}): Promise<DispatchResult> {
  const mailer = getMailer();
  const result: DispatchResult = { sent: 0, failed: 0, retrying: 0 };
  let seen = 0;
  // The workers never wait on the database: the next batch is claimed while one is composed, and
  // each batch's outcome is recorded while the next one is.
  const recording: Promise<void>[] = [];
  let claiming = claimBatch(Math.min(BATCH, limit));
  try {
    for (let batch = await claiming; batch; batch = await claiming) {
      seen += batch.claimed.length;
      claiming = seen < limit ? claimBatch(Math.min(BATCH, limit - seen)) : Promise.resolve(null);
      const sent = await sendBatch(mailer, batch.claimToken, batch.claimed, result);
      recording.push(recordSent(batch.claimToken, sent, result));
    }
  } finally {
    // Whatever failed, nothing is left running: a batch claimed ahead and not sent keeps its
    // lease and goes out once that runs out, and every outcome is recorded.
    await claiming.catch(() => undefined);
    const outcomes = await Promise.allSettled(recording);
    const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === "rejected");
    if (failed) throw failed.reason;
  }
  return result;
}

/**
 * Leases up to `take` pending emails, longest waiting first, to a new token in one conditional
 * update, and returns the rows it won with their patrons. Rows leased to a batch still being sent
 * are passed over, as are those whose failed attempt set their next one later. On PostgreSQL a
 * concurrent dispatcher's rows are skipped rather than waited for; the outer conditions re-check
 * each row under its lock.
 */
async function claimBatch(take: number) {
  const at = now();
  const claimToken = randomUUID();
  const rows = await db.$queryRaw<{ id: number | bigint; userId: number | bigint; attempts: number | bigint; subject: string; body: string; bodyHtml: string | null; toAddress: string | null; secretLink: string | null }[]>(Prisma.sql`
    UPDATE "Notification" SET "claimToken" = ${claimToken}, "lockedUntil" = ${new Date(at.getTime() + CLAIM_MS)}, "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "Notification"
      WHERE "channel" = 'EMAIL' AND "status" = 'PENDING' AND "nextAttemptAt" <= ${at} AND ("lockedUntil" IS NULL OR "lockedUntil" < ${at})
      ORDER BY "nextAttemptAt" LIMIT ${take} ${skipLockedRows})
    AND "status" = 'PENDING' AND ("lockedUntil" IS NULL OR "lockedUntil" < ${at})
    RETURNING "id", "userId", "attempts", "subject", "body", "bodyHtml", "toAddress", "secretLink"`);
  if (rows.length === 0) return null;
  const users = await db.$queryRaw<{ id: number | bigint; name: string; email: string | null }[]>(Prisma.sql`
    SELECT "id", "name", "email" FROM "User" WHERE ${inValues(Prisma.sql`"id"`, [...new Set(rows.map((r) => Number(r.userId)))])}`);
  const byId = new Map(users.map((u) => [Number(u.id), u]));
  const claimed: ClaimedMail[] = rows
    .map((r) => {
      const user = byId.get(Number(r.userId))!;
      // A new address being confirmed (or the old one told) is written to instead of the account's.
      const to = { name: user.name, email: r.toAddress ?? user.email };
      const text = r.secretLink ? withSecretLink(r.body, r.secretLink, false) : r.body;
      const html = r.bodyHtml && r.secretLink ? withSecretLink(r.bodyHtml, r.secretLink, true) : r.bodyHtml;
      return { id: Number(r.id), attempts: Number(r.attempts), subject: r.subject, body: text, bodyHtml: html, user: to };
    })
    .sort((a, b) => a.id - b.id);
  return { claimToken, claimed };
}

type ClaimedMail = { id: number; attempts: number; subject: string; body: string; bodyHtml: string | null; user: { name: string; email: string | null } };

/**
 * Sends a claimed batch, PARALLEL messages in flight at a time, and returns the ids sent. A failed
 * email's retry or failure is recorded at once; the sent ones are left to recordSent.
 */
async function sendBatch(mailer: Mailer, claimToken: string, claimed: ClaimedMail[], result: DispatchResult): Promise<number[]> {
  // A patron registered with a phone number only has nowhere to be emailed.
  const unaddressed = claimed.filter((m) => !m.user.email).map((m) => m.id);
  if (unaddressed.length > 0) {
    await db.notification.updateMany({
      where: { id: { in: unaddressed }, claimToken },
      data: { status: "SKIPPED", lockedUntil: null, claimToken: null, secretLink: null, lastError: "The patron has no email address." },
    });
  }
  const addressed = claimed.filter((m): m is ClaimedMail & { user: { email: string } } => Boolean(m.user.email));
  const sent: number[] = [];
  let next = 0;
  const sendNext = async (): Promise<void> => {
    for (let mail = addressed[next++]; mail; mail = addressed[next++]) {
      try {
        await mailer.send({
          to: { name: mail.user.name, address: mail.user.email },
          subject: mail.subject,
          text: mail.body,
          html: mail.bodyHtml ?? mail.body,
          messageId: `<notification-${mail.id}@stacks.library>`,
        });
        sent.push(mail.id);
      } catch (e) {
        const lastError = (e as Error).message.slice(0, 500);
        const gaveUp = mail.attempts >= MAX_ATTEMPTS;
        const nextAttemptAt = new Date(now().getTime() + retryDelayMinutes(mail.attempts) * 60_000);
        // By this run's token, not the id: when the lease ran out and another dispatcher has
        // claimed the email since, the row is theirs and stays untouched.
        const { count } = await db.notification.updateMany({
          where: { id: mail.id, claimToken },
          data: { ...(gaveUp ? { status: "FAILED", secretLink: null } : { nextAttemptAt }), lockedUntil: null, claimToken: null, lastError },
        });
        if (gaveUp) result.failed += count;
        else result.retrying += count;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, addressed.length) }, sendNext));
  return sent;
}

/** Marks the emails sent, by id through the primary key, each only while it still holds this run's lease. */
async function recordSent(claimToken: string, ids: number[], result: DispatchResult): Promise<void> {
  if (ids.length === 0) return;
  const count = await db.$executeRaw(Prisma.sql`
    UPDATE "Notification" SET "status" = 'SENT', "sentAt" = ${now()}, "lockedUntil" = NULL, "claimToken" = NULL, "lastError" = NULL, "secretLink" = NULL
    WHERE "claimToken" = ${claimToken} AND ${inValues(Prisma.sql`"id"`, ids)}`);
  // Added once the count is in: `result.sent += await …` would read the total before waiting and
  // lose what the batches recorded meanwhile.
  result.sent += count;
}
