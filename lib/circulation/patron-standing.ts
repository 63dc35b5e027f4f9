import type { Tx } from "../db";
import { DomainError } from "../errors";
import type { CirculationPolicy } from "../policies/policy";
import type { PatronStanding } from "./rules";

export type LockedPatron = {
  id: number;
  name: string;
  cardNumber: string;
  keepHistory: boolean;
  policy: CirculationPolicy;
  standing: PatronStanding;
};

/**
 * Takes the patron's row lock (a write as the transaction's first statement: a row lock on
 * PostgreSQL, the write lock on SQLite), then reads their standing. Every later check in the
 * transaction sees a state no concurrent borrow, renewal or payment for this patron can change.
 */
export async function lockPatron(tx: Tx, patronId: number, at: Date): Promise<LockedPatron> {
  const { count } = await tx.user.updateMany({ where: { id: patronId }, data: { updatedAt: at } });
  if (count !== 1) throw new DomainError("NOT_FOUND", "No patron with that card.");
  const [patron, openLoans, overdueLoans, fines] = await Promise.all([
    tx.user.findUniqueOrThrow({ where: { id: patronId }, include: { category: true } }),
    tx.loan.count({ where: { patronId, returnedAt: null } }),
    tx.loan.count({ where: { patronId, returnedAt: null, dueAt: { lt: at } } }),
    tx.fine.aggregate({ where: { patronId, settledAt: null }, _sum: { amountCents: true, paidCents: true, waivedCents: true } }),
  ]);
  const unpaidFinesCents = (fines._sum.amountCents ?? 0) - (fines._sum.paidCents ?? 0) - (fines._sum.waivedCents ?? 0);
  return {
    id: patron.id,
    name: patron.name,
    cardNumber: patron.cardNumber,
    keepHistory: patron.keepHistory,
    policy: patron.category,
    standing: {
      status: patron.status,
      blockedReason: patron.blockedReason,
      expiresAt: patron.expiresAt,
      openLoans,
      overdueLoans,
      unpaidFinesCents,
    },
  };
}
