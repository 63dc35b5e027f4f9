import { daysOverdue } from "../circulation/rules";
import { now } from "../clock";
import { db } from "../db";
import { expireHolds } from "../holds/expire-holds";
import { endOfLibraryDay } from "../policies/library-time";
import { overdueNoticeSteps } from "../policies/policy";
import { getLibrarySettings } from "../settings";
import { dispatchPendingEmails, type DispatchResult } from "./dispatch-email";
import { enqueueNotifications, type NotificationDraft } from "./enqueue";
import { appUrl, cardExpiredMessage, dueSoonMessage, overdueMessage, type LibraryContext } from "./templates";

export type DailyJobResult = {
  dueSoonNotices: number;
  overdueNotices: number;
  holdsExpired: number;
  cardExpiryNotices: number;
  email: DispatchResult;
};

const BATCH = 1000;

/**
 * The daily job: due-soon reminders, overdue notices at each step of the policy, expiry of
 * uncollected holds, card-expiry notices, then email delivery. Every notice has a unique key
 * (kind, record, step, channel), so a second run, or two at once, sends nothing twice.
 */
export async function runDailyJob(): Promise<DailyJobResult> {
  const at = now();
  const settings = await getLibrarySettings();
  const library: LibraryContext = { ...settings, appUrl: appUrl() };
  const dueSoonNotices = await loanNotices(at, library, "due-soon");
  const overdueNotices = await loanNotices(at, library, "overdue");
  const holdsExpired = await expireHolds();
  const cardExpiryNotices = await cardExpiryNoticesFor(at, library);
  const email = await dispatchPendingEmails({ limit: 100_000 });
  return { dueSoonNotices, overdueNotices, holdsExpired, cardExpiryNotices, email };
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
      const drafts: NotificationDraft[] = [];
      for (const loan of loans) {
        if (!loan.patronId) continue;
        const book = loan.copy.title.title;
        const due = loan.dueAt.getTime();
        if (which === "due-soon") {
          drafts.push({ userId: loan.patronId, kind: "DUE_SOON", key: `loan:${loan.id}:due:${due}`, loanId: loan.id, ...dueSoonMessage(library, book, loan.dueAt) });
          continue;
        }
        const late = daysOverdue(loan.dueAt, at, library.timeZone);
        const step = steps.find((s) => s <= late);
        if (step === undefined) continue;
        drafts.push({
          userId: loan.patronId,
          kind: "OVERDUE",
          key: `loan:${loan.id}:overdue:${step}:${due}`,
          loanId: loan.id,
          ...overdueMessage(library, book, loan.dueAt, late),
        });
      }
      written += await db.$transaction((tx) => enqueueNotifications(tx, drafts, at));
    }
  }
  return written;
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
