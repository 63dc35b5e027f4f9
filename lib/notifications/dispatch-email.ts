import { randomUUID } from "node:crypto";
import { now } from "../clock";
import { db } from "../db";
import { getMailer } from "./mailer";

export const MAX_ATTEMPTS = 5;
const CLAIM_MS = 10 * 60_000;
const BATCH = 500;
/** Messages handed to the transport at once (SMTP round trips overlap). */
const PARALLEL = 8;

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
  while (seen < limit) {
    const at = now();
    const claimable = { channel: "EMAIL" as const, status: "PENDING" as const, nextAttemptAt: { lte: at }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: at } }] };
    const candidates = await db.notification.findMany({
      where: { id: { gt: afterId }, ...claimable },
      orderBy: { id: "asc" },
      take: Math.min(BATCH, limit - seen),
      select: { id: true },
    });
    if (candidates.length === 0) break;
    seen += candidates.length;
    afterId = candidates[candidates.length - 1].id;
    const claimToken = randomUUID();
    await db.notification.updateMany({
      where: { id: { in: candidates.map((c) => c.id) }, ...claimable },
      data: { claimToken, lockedUntil: new Date(at.getTime() + CLAIM_MS), attempts: { increment: 1 } },
    });
    const claimed = await db.notification.findMany({
      where: { id: { in: candidates.map((c) => c.id) }, claimToken },
      orderBy: { id: "asc" },
      include: { user: { select: { email: true, name: true } } },
    });

    const sentIds: number[] = [];
    for (let i = 0; i < claimed.length; i += PARALLEL) {
      await Promise.all(
        claimed.slice(i, i + PARALLEL).map(async (mail) => {
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
        }),
      );
    }
    if (sentIds.length) {
      await db.notification.updateMany({ where: { id: { in: sentIds } }, data: { status: "SENT", sentAt: now(), lockedUntil: null, claimToken: null, lastError: null } });
      result.sent += sentIds.length;
    }
  }
  return result;
}
