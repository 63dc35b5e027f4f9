import { now } from "../clock";
import { db } from "../db";
import { Prisma } from "../generated/sqlite/client";
import { countRows } from "../sql-dialect";
import { overdueFineCents } from "../fines/rules";
import { onOpenDay } from "../policies/opening-days";
import { loanTerms } from "../policies/circulation-rule";
import { rulesForCategory } from "../policies/rule-for";
import { getLibrarySettings } from "../settings";
import { refusalMessage } from "./messages";
import { readPatronStanding } from "./patron-standing";
import { holdsAgainstRenewal } from "./renew-loan";
import { daysOverdue, dueDate, renewalRefusal } from "./rules";

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
  /** Why renewing now would be refused, in the words the refusal would use; null when it may be renewed. */
  renewalRefusal: string | null;
};

/** A patron's loans out now, soonest due first, with what an overdue one is costing. */
export async function currentLoans(patronId: number): Promise<CurrentLoan[]> {
  const at = now();
  const [patron, loans, settings] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: patronId }, select: { categoryId: true, category: true } }),
    db.loan.findMany({
      where: { patronId, returnedAt: null },
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      include: { copy: { select: { barcode: true, titleId: true, itemTypeCode: true, title: { select: { id: true, title: true, authorNames: true } } } } },
    }),
    getLibrarySettings(),
  ]);
  const standing = await readPatronStanding(db, patronId, at);
  const rules = await rulesForCategory(db, patron.categoryId, patron.category);
  // Each loan's own terms, as renewLoan and checkIn read them.
  const terms = loans.map((loan) => loanTerms(loan, rules.get(loan.copy.itemTypeCode)?.rule ?? patron.category));
  const refusals = await Promise.all(
    loans.map(async (loan, i) => {
      if (!standing) return null;
      const holds = await holdsAgainstRenewal(db, loan.copy.titleId, patronId);
      const renewedDueAt = onOpenDay(dueDate(at, terms[i], settings.timeZone), settings.openingDays, settings.timeZone);
      const refused = renewalRefusal(
        { standing: standing.standing, renewals: loan.renewals, ...holds, dueAt: loan.dueAt, renewedDueAt },
        { blockThresholdCents: standing.policy.blockThresholdCents, maxRenewals: terms[i].maxRenewals },
        at,
      );
      return refused && refusalMessage(refused, settings.currency);
    }),
  );
  return loans.map((loan, i) => ({
    id: loan.id,
    title: loan.copy.title,
    barcode: loan.copy.barcode,
    checkedOutAt: loan.checkedOutAt,
    dueAt: loan.dueAt,
    daysOverdue: daysOverdue(loan.dueAt, at, settings.timeZone),
    accruingFineCents: overdueFineCents(loan.dueAt, at, terms[i], settings.timeZone, settings.openingDays),
    renewalsLeft: Math.max(0, terms[i].maxRenewals - loan.renewals),
    renewalRefusal: refusals[i],
  }));
}

export function currentLoanCount(patronId: number): Promise<number> {
  // A fixed statement (decision 020): the header of every signed-in page asks.
  return countRows(db, Prisma.sql`SELECT COUNT(*) AS n FROM "Loan" l WHERE l."patronId" = ${patronId} AND l."returnedAt" IS NULL`);
}
