import { dbKind, type Tx } from "../db";
import type { NotificationChannel, NotificationKind } from "../generated/sqlite/enums";
import { DEFAULT_CHOICE } from "./kinds";

export type NotificationDraft = {
  userId: number;
  kind: NotificationKind;
  /** Identifies the event (e.g. "loan:12:step:7:<due>"): with kind and channel it makes the notice happen once. */
  key: string;
  subject: string;
  text: string;
  html: string;
  link: string;
  loanId?: number;
  holdId?: number;
};

/** The outbox row's unique key: one notice of a kind, for one event, on one channel. */
export function dedupeKey(kind: NotificationKind, key: string, channel: NotificationChannel): string {
  return `${kind}:${key}:${channel}`;
}

const CHUNK = 1000; // rows per INSERT: 14 parameters each stays under SQLite's limit of 32,766

/**
 * Writes notices into the outbox within the caller's transaction, one row per channel the patron
 * wants. A notice already written (same kind, event and channel) is skipped by the unique
 * dedupeKey, so running the daily job twice, or on two instances at once, writes nothing twice.
 * Returns how many rows were new.
 */
export async function enqueueNotifications(tx: Tx, drafts: NotificationDraft[], at: Date): Promise<number> {
  if (drafts.length === 0) return 0;
  const userIds = [...new Set(drafts.map((d) => d.userId))];
  const preferences = await tx.notificationPreference.findMany({ where: { userId: { in: userIds } } });
  const choice = new Map(preferences.map((p) => [`${p.userId}:${p.kind}`, p]));

  const rows: unknown[][] = [];
  for (const d of drafts) {
    const wanted = choice.get(`${d.userId}:${d.kind}`) ?? DEFAULT_CHOICE;
    const record = [d.loanId ?? null, d.holdId ?? null, at];
    // The bell shows the plain text; only the email needs its HTML body.
    if (wanted.inApp) rows.push([d.userId, d.kind, "IN_APP", dedupeKey(d.kind, d.key, "IN_APP"), d.subject, d.text, null, d.link, ...record, "SENT", at, null]);
    if (wanted.email) rows.push([d.userId, d.kind, "EMAIL", dedupeKey(d.kind, d.key, "EMAIL"), d.subject, d.text, d.html, d.link, ...record, "PENDING", null, at]);
  }

  const pg = dbKind === "postgresql";
  const kindCast = pg ? `::"NotificationKind"` : "";
  const channelCast = pg ? `::"NotificationChannel"` : "";
  const statusCast = pg ? `::"DeliveryStatus"` : "";
  let inserted = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const params: unknown[] = [];
    const values = chunk.map((row) => {
      const n = params.length;
      params.push(...row);
      const p = (k: number) => (pg ? `$${n + k}` : "?");
      return `(${p(1)}, ${p(2)}${kindCast}, ${p(3)}${channelCast}, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)}, ${p(9)}, ${p(10)}, ${p(11)}, ${p(12)}${statusCast}, ${p(13)}, ${p(14)})`;
    });
    inserted += await tx.$executeRawUnsafe(
      `INSERT INTO "Notification" ("userId", "kind", "channel", "dedupeKey", "subject", "body", "bodyHtml", "link", "loanId", "holdId", "createdAt", "status", "sentAt", "nextAttemptAt")
       VALUES ${values.join(", ")}
       ON CONFLICT ("dedupeKey") DO NOTHING`,
      ...params,
    );
  }
  return inserted;
}
