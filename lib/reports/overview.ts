import { now } from "../clock";
import { db } from "../db";
import { endOfLibraryDay } from "../policies/library-time";
import { getLibrarySettings } from "../settings";

/**
 * The dashboard's figures, each one indexed count or sum: loans and returns since midnight in
 * the library's time zone (Loan.checkedOutAt; Loan returnedAt+dueAt), overdue loans, holds
 * ready for pickup (Hold status+expiresAt), what is owed on open fines (Fine patronId+settledAt)
 * and the newest titles (Title.createdAt).
 */
export async function overview() {
  const at = now();
  const { timeZone } = await getLibrarySettings();
  const startOfToday = new Date(endOfLibraryDay(at, -1, timeZone).getTime() + 1);
  const [loansToday, returnsToday, overdue, holdsReady, fines, newestTitles] = await Promise.all([
    db.loan.count({ where: { checkedOutAt: { gte: startOfToday } } }),
    db.loan.count({ where: { returnedAt: { gte: startOfToday } } }),
    db.loan.count({ where: { returnedAt: null, dueAt: { lt: at } } }),
    db.hold.count({ where: { status: "READY" } }),
    db.fine.aggregate({ where: { settledAt: null }, _sum: { amountCents: true, paidCents: true, waivedCents: true } }),
    db.title.findMany({
      where: { withdrawnAt: null },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 5,
      select: { id: true, title: true, authorNames: true, createdAt: true },
    }),
  ]);
  const finesOutstandingCents = (fines._sum.amountCents ?? 0) - (fines._sum.paidCents ?? 0) - (fines._sum.waivedCents ?? 0);
  return { loansToday, returnsToday, overdue, holdsReady, finesOutstandingCents, newestTitles };
}
