import { now } from "../clock";
import { db } from "../db";
import { getMailer } from "./mailer";

export const MAX_ATTEMPTS = 5;
const CLAIM_MS = 10 * 60_000;

/** Minutes to wait before attempt n+1 after n failed attempts: 1, 5, 30, 120. */
export function retryDelayMinutes(failedAttempts: number): number {
  return [1, 5, 30, 120][Math.min(failedAttempts, 4) - 1] ?? 120;
}

export type DispatchResult = { sent: number; failed: number; retrying: number };

/**
 * Sends pending emails from the outbox. Each row is claimed with a conditional update before
 * it is sent, so two dispatchers (two cron runs, two instances) never send the same email.
 */
export async function dispatchPendingEmails({ limit = 1000 }: { limit?: number } = {}): Promise<DispatchResult> {
  const mailer = getMailer();
  const result: DispatchResult = { sent: 0, failed: 0, retrying: 0 };
  let seen = 0;
  let afterId = 0;
  while (seen < limit) {
    const at = now();
    const batch = await db.notification.findMany({
      where: {
        id: { gt: afterId },
        channel: "EMAIL",
        status: "PENDING",
        nextAttemptAt: { lte: at },
        OR: [{ lockedUntil: null }, { lockedUntil: { lt: at } }],
      },
      orderBy: { id: "asc" },
      take: Math.min(50, limit - seen),
      include: { user: { select: { email: true, name: true } } },
    });
    if (batch.length === 0) break;
    seen += batch.length;
    afterId = batch[batch.length - 1].id;
    for (const mail of batch) {
      const { count } = await db.notification.updateMany({
        where: { id: mail.id, status: "PENDING", OR: [{ lockedUntil: null }, { lockedUntil: { lt: at } }] },
        data: { lockedUntil: new Date(at.getTime() + CLAIM_MS), attempts: { increment: 1 } },
      });
      if (count !== 1) continue;
      const attempts = mail.attempts + 1;
      try {
        await mailer.send({
          to: `${mail.user.name} <${mail.user.email}>`,
          subject: mail.subject,
          text: mail.body,
          html: mail.bodyHtml ?? mail.body,
          messageId: `<notification-${mail.id}@stacks.library>`,
        });
        await db.notification.update({ where: { id: mail.id }, data: { status: "SENT", sentAt: now(), lockedUntil: null, lastError: null } });
        result.sent++;
      } catch (e) {
        const lastError = (e as Error).message.slice(0, 500);
        if (attempts >= MAX_ATTEMPTS) {
          await db.notification.update({ where: { id: mail.id }, data: { status: "FAILED", lockedUntil: null, lastError } });
          result.failed++;
        } else {
          const nextAttemptAt = new Date(now().getTime() + retryDelayMinutes(attempts) * 60_000);
          await db.notification.update({ where: { id: mail.id }, data: { nextAttemptAt, lockedUntil: null, lastError } });
          result.retrying++;
        }
      }
    }
  }
  return result;
}
