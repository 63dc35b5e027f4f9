import { randomUUID } from "node:crypto";
import { now } from "../clock";
import { db } from "../db";
import { getMailer, type Mailer } from "./mailer";

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
  let afterId = 0;
  // The next batch is claimed while the mail workers still compose the last one.
  let sending: Promise<void> = Promise.resolve();
  try {
    while (seen < limit) {
      const batch = await claimBatch(afterId, Math.min(BATCH, limit - seen));
      if (!batch) break;
      seen += batch.candidates;
      afterId = batch.lastId;
      await sending;
      sending = sendBatch(mailer, batch.claimed, result);
    }
  } catch (e) {
    // A failed claim must not leave the batch in flight unawaited; its rows keep their lease.
    await sending.catch(() => undefined);
    throw e;
  }
  await sending;
  return result;
}

/** Leases up to `take` pending emails after `afterId` to a new token; returns the rows it won. */
async function claimBatch(afterId: number, take: number) {
  const at = now();
  const claimable = { channel: "EMAIL" as const, status: "PENDING" as const, nextAttemptAt: { lte: at }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: at } }] };
  const candidates = await db.notification.findMany({ where: { id: { gt: afterId }, ...claimable }, orderBy: { id: "asc" }, take, select: { id: true } });
  if (candidates.length === 0) return null;
  const ids = candidates.map((c) => c.id);
  const claimToken = randomUUID();
  await db.notification.updateMany({
    where: { id: { in: ids }, ...claimable },
    data: { claimToken, lockedUntil: new Date(at.getTime() + CLAIM_MS), attempts: { increment: 1 } },
  });
  const claimed = await db.notification.findMany({
    where: { id: { in: ids }, claimToken },
    orderBy: { id: "asc" },
    include: { user: { select: { email: true, name: true } } },
  });
  return { candidates: candidates.length, lastId: ids[ids.length - 1], claimed };
}

type ClaimedMail = { id: number; attempts: number; subject: string; body: string; bodyHtml: string | null; user: { name: string; email: string } };

/** Sends a claimed batch, PARALLEL messages in flight at a time, then records each outcome. */
async function sendBatch(mailer: Mailer, claimed: ClaimedMail[], result: DispatchResult): Promise<void> {
  const sentIds: number[] = [];
  let next = 0;
  const sendNext = async (): Promise<void> => {
    for (let mail = claimed[next++]; mail; mail = claimed[next++]) {
      try {
        await mailer.send({
          to: `${mail.user.name} <${mail.user.email}>`,
          subject: mail.subject,
          text: mail.body,
          html: mail.bodyHtml ?? mail.body,
          messageId: `<notification-${mail.id}@stacks.library>`,
        });
        sentIds.push(mail.id);
      } catch (e) {
        const lastError = (e as Error).message.slice(0, 500);
        if (mail.attempts >= MAX_ATTEMPTS) {
          await db.notification.update({ where: { id: mail.id }, data: { status: "FAILED", lockedUntil: null, claimToken: null, lastError } });
          result.failed++;
        } else {
          const nextAttemptAt = new Date(now().getTime() + retryDelayMinutes(mail.attempts) * 60_000);
          await db.notification.update({ where: { id: mail.id }, data: { nextAttemptAt, lockedUntil: null, claimToken: null, lastError } });
          result.retrying++;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, claimed.length) }, sendNext));
  if (sentIds.length) {
    await db.notification.updateMany({ where: { id: { in: sentIds } }, data: { status: "SENT", sentAt: now(), lockedUntil: null, claimToken: null, lastError: null } });
    result.sent += sentIds.length;
  }
}
