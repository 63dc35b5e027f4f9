import { CIRCULATION_ACTIONS } from "../audit";
import { now } from "../clock";
import { db, type Tx } from "../db";
import { getLibrarySettings } from "../settings";

const BATCH = 500;
const DAY_MS = 86_400_000;

/**
 * Reading privacy, run by the daily job when the library sets "anonymise returned loans after N
 * days": a loan returned longer ago than that loses its patron, and so do its audit entries; the
 * copy and the dates stay for the statistics. Patrons who chose to keep their history keep it. A
 * loan with a fine still owed keeps its patron until the fine is settled: the money record must
 * still say what it is for. Fines keep their patron and amounts either way.
 */
export async function anonymiseReturnedLoans(at = now()): Promise<number> {
  const { anonymiseLoansAfterDays: days } = await getLibrarySettings();
  if (!days) return 0;
  const where = {
    returnedAt: { lt: new Date(at.getTime() - days * DAY_MS) },
    patronId: { not: null },
    patron: { keepHistoryForever: false },
    fines: { none: { settledAt: null } },
  };
  let anonymised = 0;
  let afterId = 0;
  for (;;) {
    const loans = await db.loan.findMany({ where: { ...where, id: { gt: afterId } }, orderBy: { id: "asc" }, take: BATCH, select: { id: true, patronId: true } });
    if (loans.length === 0) return anonymised;
    afterId = loans[loans.length - 1].id;
    anonymised += await db.$transaction(async (tx) => {
      let count = 0;
      for (const loan of loans) {
        // Re-checked in the update itself: a fine charged or a choice made meanwhile keeps the patron.
        const updated = await tx.loan.updateMany({ where: { ...where, id: loan.id, patronId: loan.patronId }, data: { patronId: null } });
        if (updated.count === 1) {
          await forgetLoanInAudit(tx, loan.id, loan.patronId!);
          count++;
        }
      }
      return count;
    });
  }
}

/** The loan's audit entries stop naming the patron: as the actor of a self-service step, or in their details. */
export async function forgetLoanInAudit(tx: Tx, loanId: number, patronId: number): Promise<void> {
  const entries = { entityType: "Loan", entityId: String(loanId), action: { in: CIRCULATION_ACTIONS } };
  await tx.auditEntry.updateMany({ where: { ...entries, actorId: patronId }, data: { actorId: null } });
  const naming = await tx.auditEntry.findMany({ where: { ...entries, details: { contains: `"patronId":${patronId}` } }, select: { id: true, details: true } });
  for (const entry of naming) {
    const { patronId: named, ...rest } = JSON.parse(entry.details!) as Record<string, unknown>;
    if (named === patronId) await tx.auditEntry.update({ where: { id: entry.id }, data: { details: JSON.stringify(rest) } });
  }
}
