import { anonymiseReturnedLoans } from "../circulation/anonymise-loans";
import { daysOverdue } from "../circulation/rules";
import { now } from "../clock";
import { db } from "../db";
import type { NotificationKind } from "../generated/sqlite/enums";
import { expireHolds } from "../holds/expire-holds";
import { anonymiseClosedAccounts } from "../patrons/close-account";
import { purgeStaleSignInRecords } from "../patrons/sessions";
import { endOfLibraryDay } from "../policies/library-time";
import { overdueNoticeSteps } from "../policies/policy";
import { log as defaultLog, type Logger } from "../log";
import { getLibrarySettings } from "../settings";
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
  const overdueNotices = await loanNotices(at, library, "overdue");
  const holdsExpired = await expireHolds();
  const cardExpiryNotices = await cardExpiryNoticesFor(at, library);
  await purgeStaleSignInRecords();
  const privacy = { loansAnonymised: await anonymiseReturnedLoans(at), accountsAnonymised: await anonymiseClosedAccounts(at) };
  const noticesDone = performance.now();
  const email = await dispatchPendingEmails({ limit: 100_000 });
  const phaseSeconds = { notices: (noticesDone - started) / 1000, email: (performance.now() - noticesDone) / 1000 };
  const result = { dueSoonNotices, overdueNotices, holdsExpired, cardExpiryNotices, privacy, email, phaseSeconds };
  log.info({ job: "daily", ...result }, "daily job finished");
  return result;
}

async function loanNotices(at: Date, library: LibraryContext, which: "due-soon" | "overdue"): Promise<number> {
  let written = 0;
  const categories = await db.patronCategory.findMany();
  for (const category of categories) {
    const steps = overdueNoticeSteps(category).reverse();
    if (which === "overdue" && steps.length === 0) continue;
    const dueWhere =
      which === "due-soon" ? { gt: at, lte: endOfLibraryDay(at, category.dueSoonDays, library.timeZone) } : { lt: at };
    let afterId = 0;
    for (;;) {
      const loans = await db.loan.findMany({
        where: { id: { gt: afterId }, returnedAt: null, dueAt: dueWhere, patron: { categoryId: category.id } },
        orderBy: { id: "asc" },
        take: BATCH,
        select: { id: true, dueAt: true, patronId: true, copy: { select: { title: { select: { title: true } } } } },
      });
      if (loans.length === 0) break;
      afterId = loans[loans.length - 1].id;
      // Each loan's notice for today, keyed; a notice already in the outbox is not composed again.
      const due: { loan: (typeof loans)[number]; key: string; late: number }[] = [];
      for (const loan of loans) {
        if (!loan.patronId) continue;
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
          userId: loan.patronId!,
          kind,
          key,
          loanId: loan.id,
          ...(which === "due-soon" ? dueSoonMessage(library, loan.copy.title.title, loan.dueAt) : overdueMessage(library, loan.copy.title.title, loan.dueAt, late)),
        }));
      if (drafts.length) written += await db.$transaction((tx) => enqueueNotifications(tx, drafts, at));
    }
  }
  return written;
}

/** The keys among `keys` that already have a notice of `kind` in the outbox, on any channel. */
async function alreadyWritten(kind: NotificationKind, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db.notification.findMany({
    where: { dedupeKey: { in: keys.flatMap((key) => [dedupeKey(kind, key, "IN_APP"), dedupeKey(kind, key, "EMAIL")]) } },
    select: { dedupeKey: true },
  });
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
