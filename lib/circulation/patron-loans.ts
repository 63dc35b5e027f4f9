import { now } from "../clock";
import { db } from "../db";
import { overdueFineCents } from "../fines/rules";
import { getLibrarySettings } from "../settings";
import { daysOverdue } from "./rules";

export type CurrentLoan = {
  id: number;
  title: { id: number; title: string; authorNames: string };
  barcode: string;
  checkedOutAt: Date;
  dueAt: Date;
  daysOverdue: number;
  /** The fine the loan would owe if returned now. */
  accruingFineCents: number;
  renewalsLeft: number;
};

/** A patron's loans out now, soonest due first, with what an overdue one is costing. */
export async function currentLoans(patronId: number): Promise<CurrentLoan[]> {
  const at = now();
  const [patron, loans, settings] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: patronId }, select: { category: true } }),
    db.loan.findMany({
      where: { patronId, returnedAt: null },
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      include: { copy: { select: { barcode: true, title: { select: { id: true, title: true, authorNames: true } } } } },
    }),
    getLibrarySettings(),
  ]);
  return loans.map((loan) => ({
    id: loan.id,
    title: loan.copy.title,
    barcode: loan.copy.barcode,
    checkedOutAt: loan.checkedOutAt,
    dueAt: loan.dueAt,
    daysOverdue: daysOverdue(loan.dueAt, at, settings.timeZone),
    accruingFineCents: overdueFineCents(loan.dueAt, at, patron.category, settings.timeZone),
    renewalsLeft: Math.max(0, patron.category.maxRenewals - loan.renewals),
  }));
}

export async function currentLoanCount(patronId: number): Promise<number> {
  return db.loan.count({ where: { patronId, returnedAt: null } });
}
