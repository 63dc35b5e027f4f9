import { now } from "../clock";
import { db } from "../db";
import { overdueFineCents } from "../fines/rules";
import { loanTerms } from "../policies/circulation-rule";
import { getLibrarySettings } from "../settings";
import { daysOverdue } from "./rules";

/** Every overdue loan, most overdue first, with its patron and the fine it is building up. */
export async function overdueLoans(page = 1, perPage = 50) {
  const at = now();
  const where = { returnedAt: null, dueAt: { lt: at } };
  const [loans, total, settings] = await Promise.all([
    db.loan.findMany({
      where,
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * perPage,
      take: perPage,
      include: {
        patron: { select: { id: true, name: true, cardNumber: true, category: true } },
        copy: { select: { barcode: true, title: { select: { id: true, title: true } } } },
      },
    }),
    db.loan.count({ where }),
    getLibrarySettings(),
  ]);
  return {
    total,
    pages: Math.max(1, Math.ceil(total / perPage)),
    loans: loans.map((loan) => ({
      id: loan.id,
      dueAt: loan.dueAt,
      barcode: loan.copy.barcode,
      title: loan.copy.title,
      patron: loan.patron ? { id: loan.patron.id, name: loan.patron.name, cardNumber: loan.patron.cardNumber } : null,
      daysLate: daysOverdue(loan.dueAt, at, settings.timeZone),
      fineCents: loan.patron ? overdueFineCents(loan.dueAt, at, loanTerms(loan, loan.patron.category), settings.timeZone, settings.openingDays) : 0,
    })),
  };
}
