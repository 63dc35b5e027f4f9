import { anonymiseReturnedLoans } from "../circulation/anonymise-loans";
import { daysOverdue } from "../circulation/rules";
import { now } from "../clock";
import { db } from "../db";
import { Prisma } from "../generated/sqlite/client";
import type { NotificationKind } from "../generated/sqlite/enums";
import { expireHolds } from "../holds/expire-holds";
import { anonymiseClosedAccounts } from "../patrons/close-account";
import { purgeStaleSignInRecords } from "../patrons/sessions";
import { endOfLibraryDay } from "../policies/library-time";
import { overdueNoticeSteps } from "../policies/policy";
import { log as defaultLog, type Logger } from "../log";
import { getLibrarySettings } from "../settings";
import { inValues, toDate } from "../sql-dialect";
import { dispatchPendingEmails, type DispatchResult } from "./dispatch-email";
import { dedupeKey, enqueueNotifications, type NotificationDraft } from "./enqueue";
import { appUrl, cardExpiredMessage, dueSoonMessage, overdueMessage, type LibraryContext } from "./templates";

export type DailyJobResult = {
  dueSoonNotices: number;
  overdueNotices: number;
  holdsExpired: number;
  cardExpiryNotices: number;
  /** Reading privacy: returned loans that lost their patron, closed accounts cleared. */
  privacy: { loansAnonymised: number; accountsAnonymised: number };
  email: DispatchResult;
  /** Wall time of each phase, for the operator's log and the benchmark. */
  phaseSeconds: { notices: number; email: number };
};

const BATCH = 1000;

const count = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** What a run did, in words, for the librarian who started it. */
export function dailyJobSummary(result: DailyJobResult): string {
  return [
    `Daily job done: ${count(result.dueSoonNotices, "due-soon reminder", "due-soon reminders")}`,
    count(result.overdueNotices, "overdue notice", "overdue notices"),
    count(result.cardExpiryNotices, "card-expiry notice", "card-expiry notices"),
    `${count(result.holdsExpired, "uncollected hold", "uncollected holds")} expired`,
    `${count(result.email.sent, "email", "emails")} sent${result.email.failed ? `, ${result.email.failed} failed` : ""}${result.email.retrying ? `, ${result.email.retrying} to retry` : ""}.`,
  ].join(", ");
}

/**
 * The daily job: due-soon reminders, overdue notices at each step of the policy, expiry of
 * uncollected holds, card-expiry notices, then email delivery. Every notice has a unique key
 * (kind, record, step, channel), so a second run, or two at once, sends nothing twice. Its summary
 * goes to `log` (the calling request's logger, when there is one).
 */
export async function runDailyJob(log: Logger = defaultLog): Promise<DailyJobResult> {
  const at = now();
  const started = performance.now();
  const settings = await getLibrarySettings();
  const library: LibraryContext = { ...settings, appUrl: appUrl() };
  const dueSoonNotices = await loanNotices(at, library, "due-soon");
  // The reminders go out while the other notices are written: the mail workers compose on the
  // core that writing notices leaves idle while it waits on the database.
  const reminders = dispatchPendingEmails({ limit: 100_000 });
  const { overdueNotices, holdsExpired, cardExpiryNotices, privacy } = await otherNotices(at, library).catch(async (e: unknown) => {
    await reminders.catch(() => undefined);
    throw e;
  });
  const noticesDone = performance.now();
  // Two dispatchers at once share the outbox safely (each claims its own rows).
  const email = sumDispatched(await Promise.all([reminders, dispatchPendingEmails({ limit: 100_000 })]));
  const phaseSeconds = { notices: (noticesDone - started) / 1000, email: (performance.now() - noticesDone) / 1000 };
  const result = { dueSoonNotices, overdueNotices, holdsExpired, cardExpiryNotices, privacy, email, phaseSeconds };
  log.info({ job: "daily", ...result }, "daily job finished");
  return result;
}

/** Everything after the due-soon reminders, in order: overdue notices, holds, cards, privacy. */
async function otherNotices(at: Date, library: LibraryContext) {
  const overdueNotices = await loanNotices(at, library, "overdue");
  const holdsExpired = await expireHolds();
  const cardExpiryNotices = await cardExpiryNoticesFor(at, library);
  await purgeStaleSignInRecords();
  const privacy = { loansAnonymised: await anonymiseReturnedLoans(at), accountsAnonymised: await anonymiseClosedAccounts(at) };
  return { overdueNotices, holdsExpired, cardExpiryNotices, privacy };
}

function sumDispatched(results: DispatchResult[]): DispatchResult {
  return results.reduce((sum, r) => ({ sent: sum.sent + r.sent, failed: sum.failed + r.failed, retrying: sum.retrying + r.retrying }));
}

async function loanNotices(at: Date, library: LibraryContext, which: "due-soon" | "overdue"): Promise<number> {
  let written = 0;
  const categories = await db.patronCategory.findMany();
  for (const category of categories) {
    const steps = overdueNoticeSteps(category).reverse();
    if (which === "overdue" && steps.length === 0) continue;
    let afterId = 0;
    for (;;) {
      const loans = (
        await db.$queryRaw<{ id: number | bigint; dueAt: Date | string; patronId: number | bigint; title: string }[]>(Prisma.sql`
          SELECT l."id", l."dueAt", l."patronId", t."title" FROM "Loan" l
          JOIN "User" u ON u."id" = l."patronId"
          JOIN "Copy" c ON c."id" = l."copyId"
          JOIN "Title" t ON t."id" = c."titleId"
          WHERE l."id" > ${afterId} AND l."returnedAt" IS NULL AND u."categoryId" = ${category.id}
            AND ${which === "due-soon" ? Prisma.sql`l."dueAt" > ${at} AND l."dueAt" <= ${endOfLibraryDay(at, category.dueSoonDays, library.timeZone)}` : Prisma.sql`l."dueAt" < ${at}`}
          ORDER BY l."id" LIMIT ${BATCH}`)
      ).map((r) => ({ id: Number(r.id), dueAt: toDate(r.dueAt)!, patronId: Number(r.patronId), title: r.title }));
      if (loans.length === 0) break;
      afterId = loans[loans.length - 1].id;
      // Each loan's notice for today, keyed; a notice already in the outbox is not composed again.
      const due: { loan: (typeof loans)[number]; key: string; late: number }[] = [];
      for (const loan of loans) {
        if (which === "due-soon") {
          due.push({ loan, key: `loan:${loan.id}:due:${loan.dueAt.getTime()}`, late: 0 });
          continue;
        }
        const late = daysOverdue(loan.dueAt, at, library.timeZone);
        const step = steps.find((s) => s <= late);
        if (step !== undefined) due.push({ loan, key: `loan:${loan.id}:overdue:${step}:${loan.dueAt.getTime()}`, late });
      }
      const kind = which === "due-soon" ? "DUE_SOON" : "OVERDUE";
      const sent = await alreadyWritten(kind, due.map((d) => d.key));
      const drafts: NotificationDraft[] = due
        .filter((d) => !sent.has(d.key))
        .map(({ loan, key, late }) => ({
          userId: loan.patronId,
          kind,
          key,
          loanId: loan.id,
          ...(which === "due-soon" ? dueSoonMessage(library, loan.title, loan.dueAt) : overdueMessage(library, loan.title, loan.dueAt, late)),
        }));
      if (drafts.length) written += await db.$transaction((tx) => enqueueNotifications(tx, drafts, at));
    }
  }
  return written;
}

/** The keys among `keys` that already have a notice of `kind` in the outbox, on any channel. */
async function alreadyWritten(kind: NotificationKind, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db.$queryRaw<{ dedupeKey: string }[]>(Prisma.sql`
    SELECT "dedupeKey" FROM "Notification"
    WHERE ${inValues(Prisma.sql`"dedupeKey"`, keys.flatMap((key) => [dedupeKey(kind, key, "IN_APP"), dedupeKey(kind, key, "EMAIL")]))}`);
  const found = new Set(rows.map((r) => r.dedupeKey));
  return new Set(keys.filter((key) => found.has(dedupeKey(kind, key, "IN_APP")) || found.has(dedupeKey(kind, key, "EMAIL"))));
}

async function cardExpiryNoticesFor(at: Date, library: LibraryContext): Promise<number> {
  let written = 0;
  let afterId = 0;
  for (;;) {
    const patrons = await db.user.findMany({
      where: { id: { gt: afterId }, role: "PATRON", expiresAt: { lt: at } },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, expiresAt: true },
    });
    if (patrons.length === 0) return written;
    afterId = patrons[patrons.length - 1].id;
    const drafts: NotificationDraft[] = patrons.map((p) => ({
      userId: p.id,
      kind: "ACCOUNT",
      key: `user:${p.id}:card-expired:${p.expiresAt!.getTime()}`,
      ...cardExpiredMessage(library, p.expiresAt!),
    }));
    written += await db.$transaction((tx) => enqueueNotifications(tx, drafts, at));
  }
}
