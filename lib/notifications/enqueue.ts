import type { Tx } from "../db";
import type { Message } from "./templates";
import type { NotificationChannel, NotificationKind } from "../generated/sqlite/enums";
import { Prisma } from "../generated/sqlite/client";
import { inValues, perDatabase } from "../sql-dialect";
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

const CHUNK = 1000; // rows per INSERT

/** One outbox row as handed to the database in a JSON array. */
type OutboxRow = { u: number; k: NotificationKind; c: NotificationChannel; d: string; s: string; b: string; h: string | null; l: string; lo: number | null; ho: number | null };

/**
 * Writes notices into the outbox within the caller's transaction, one row per channel the patron
 * wants. A notice already written (same kind, event and channel) is skipped by the unique
 * dedupeKey, so running the daily job twice, or on two instances at once, writes nothing twice.
 * Returns how many rows were new.
 */
export async function enqueueNotifications(tx: Tx, drafts: NotificationDraft[], at: Date): Promise<number> {
  if (drafts.length === 0) return 0;
  const userIds = [...new Set(drafts.map((d) => d.userId))];
  const preferences = await tx.$queryRaw<{ userId: number | bigint; kind: NotificationKind; inApp: boolean | number; email: boolean | number }[]>(Prisma.sql`
    SELECT "userId", "kind", "inApp", "email" FROM "NotificationPreference" WHERE ${inValues(Prisma.sql`"userId"`, userIds)}`);
  const choice = new Map(preferences.map((p) => [`${p.userId}:${p.kind}`, { inApp: Boolean(p.inApp), email: Boolean(p.email) }]));

  const rows: OutboxRow[] = [];
  for (const d of drafts) {
    const wanted = choice.get(`${d.userId}:${d.kind}`) ?? DEFAULT_CHOICE;
    const row = { u: d.userId, k: d.kind, s: d.subject, b: d.text, l: d.link, lo: d.loanId ?? null, ho: d.holdId ?? null };
    // The bell shows the plain text; only the email needs its HTML body.
    if (wanted.inApp) rows.push({ ...row, c: "IN_APP", d: dedupeKey(d.kind, d.key, "IN_APP"), h: null });
    if (wanted.email) rows.push({ ...row, c: "EMAIL", d: dedupeKey(d.kind, d.key, "EMAIL"), h: d.html });
  }

  // The rows go as one JSON parameter that the database unpacks itself: a day's notices are tens of
  // thousands of rows, and binding each value separately took a third of the time on PostgreSQL.
  // In-app rows are delivered as written; emails wait for the dispatcher.
  const sql = perDatabase({
    postgresql: `INSERT INTO "Notification" ("userId", "kind", "channel", "dedupeKey", "subject", "body", "bodyHtml", "link", "loanId", "holdId", "createdAt", "status", "sentAt", "nextAttemptAt")
         SELECT r.u, r.k::"NotificationKind", r.c::"NotificationChannel", r.d, r.s, r.b, r.h, r.l, r.lo, r.ho, $1::timestamp(3),
           (CASE WHEN r.c = 'IN_APP' THEN 'SENT' ELSE 'PENDING' END)::"DeliveryStatus",
           CASE WHEN r.c = 'IN_APP' THEN $1::timestamp(3) END, CASE WHEN r.c = 'EMAIL' THEN $1::timestamp(3) END
         FROM jsonb_to_recordset($2::jsonb) AS r(u int, k text, c text, d text, s text, b text, h text, l text, lo int, ho int)
         ON CONFLICT ("dedupeKey") DO NOTHING`,
    sqlite: `INSERT INTO "Notification" ("userId", "kind", "channel", "dedupeKey", "subject", "body", "bodyHtml", "link", "loanId", "holdId", "createdAt", "status", "sentAt", "nextAttemptAt")
         SELECT value ->> 'u', value ->> 'k', value ->> 'c', value ->> 'd', value ->> 's', value ->> 'b', value ->> 'h', value ->> 'l', value ->> 'lo', value ->> 'ho', ?,
           CASE WHEN value ->> 'c' = 'IN_APP' THEN 'SENT' ELSE 'PENDING' END,
           CASE WHEN value ->> 'c' = 'IN_APP' THEN ? END, CASE WHEN value ->> 'c' = 'EMAIL' THEN ? END
         FROM json_each(?) WHERE true
         ON CONFLICT ("dedupeKey") DO NOTHING`,
  });
  // SQLite numbers its "?" in order (createdAt, sentAt, nextAttemptAt, rows); PostgreSQL reuses $1.
  const times = perDatabase({ postgresql: [at], sqlite: [at, at, at] });
  let inserted = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    inserted += await tx.$executeRawUnsafe(sql, ...times, JSON.stringify(rows.slice(i, i + CHUNK)));
  }
  return inserted;
}

export type AccountEmail = {
  userId: number;
  /** Identifies the event, as for NotificationDraft. */
  key: string;
  message: Message;
  /** Another address than the account's (a new address to confirm, the old one told of a change). */
  toAddress?: string;
  /** Put into the email only when it is sent (see SECRET_LINK in templates.ts). */
  secretLink?: string;
};

/**
 * An account email the person asked for (a password reset, a change of address): email only,
 * whatever the notification settings say, since it is the answer to what they just did.
 */
export async function enqueueAccountEmail(tx: Tx, email: AccountEmail, at: Date): Promise<void> {
  await tx.notification.create({
    data: {
      userId: email.userId,
      kind: "ACCOUNT",
      channel: "EMAIL",
      dedupeKey: dedupeKey("ACCOUNT", email.key, "EMAIL"),
      subject: email.message.subject,
      body: email.message.text,
      bodyHtml: email.message.html,
      link: email.message.link,
      toAddress: email.toAddress ?? null,
      secretLink: email.secretLink ?? null,
      createdAt: at,
      status: "PENDING",
      nextAttemptAt: at,
    },
  });
}
