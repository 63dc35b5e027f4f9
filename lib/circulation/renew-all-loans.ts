import { db } from "../db";
import { isDomainError } from "../errors";
import { renewLoan } from "./renew-loan";

export type RenewAllLoansOptions = { patronId: number; actorId: number };
export type RenewAllOutcome = { loanId: number; title: string } & ({ renewed: true; dueAt: Date } | { renewed: false; reason: string });

/**
 * A patron renews everything they have out: each loan through renewLoan, in its own
 * transaction, so one refusal (a hold by another reader) leaves the others renewed. The list is
 * only what to try; every guard runs inside each renewal.
 */
export async function renewAllLoans({ patronId, actorId }: RenewAllLoansOptions): Promise<RenewAllOutcome[]> {
  const loans = await db.loan.findMany({
    where: { patronId, returnedAt: null },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    select: { id: true, copy: { select: { title: { select: { title: true } } } } },
  });
  const outcomes: RenewAllOutcome[] = [];
  for (const loan of loans) {
    const title = loan.copy.title.title;
    try {
      const renewed = await renewLoan({ loanId: loan.id, actorId, patronId });
      outcomes.push({ loanId: loan.id, title, renewed: true, dueAt: renewed.dueAt });
    } catch (e) {
      if (!isDomainError(e)) throw e;
      outcomes.push({ loanId: loan.id, title, renewed: false, reason: e.message });
    }
  }
  return outcomes;
}
