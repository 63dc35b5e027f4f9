import { circulationActor, recordAudit } from "../audit";
import { now } from "../clock";
import { db, type Tx } from "../db";
import { DomainError } from "../errors";
import { SET_ASIDE_HOLD_STATUSES } from "../holds/statuses";
import { onOpenDay } from "../policies/opening-days";
import { loanTerms } from "../policies/circulation-rule";
import { ruleFor } from "../policies/rule-for";
import { librarySettingsIn } from "../settings";
import { refusal } from "./messages";
import { lockPatron } from "./patron-standing";
import { dueDate, renewalRefusal } from "./rules";

export type RenewLoanOptions = {
  loanId: number;
  actorId: number;
  /** Set for self-service: the loan must be this patron's. */
  patronId?: number;
  /** A SIP2 device's name for the audit entry ("SIP2, device Kiosk 1"). */
  via?: string;
};
export type RenewLoanResult = { loanId: number; dueAt: Date; renewalsLeft: number; title: string };

/** The holds by others a renewal must leave a copy for, and the copies free to serve them. */
export async function holdsAgainstRenewal(client: Pick<Tx, "hold" | "copy">, titleId: number, patronId: number) {
  const [waitingHoldsByOthers, freeCopies] = await Promise.all([
    client.hold.count({ where: { titleId, status: "WAITING", patronId: { not: patronId } } }),
    client.copy.count({ where: { titleId, status: "AVAILABLE", holds: { none: { status: { in: [...SET_ASIDE_HOLD_STATUSES] } } } } }),
  ]);
  return { waitingHoldsByOthers, freeCopies };
}

export async function renewLoan({ loanId, actorId, patronId, via }: RenewLoanOptions): Promise<RenewLoanResult> {
  const at = now();
  return db.$transaction(async (tx) => {
    const settings = await librarySettingsIn(tx);
    const owner = await tx.loan.findFirst({ where: { id: loanId, returnedAt: null, ...(patronId !== undefined ? { patronId } : {}) }, select: { patronId: true } });
    if (!owner?.patronId) throw new DomainError("NOT_FOUND", patronId !== undefined ? "You have no such loan." : "That loan is not open.");
    const patron = await lockPatron(tx, owner.patronId, at);
    const loan = await tx.loan.findFirst({
      where: { id: loanId, patronId: patron.id, returnedAt: null },
      include: { copy: { select: { id: true, titleId: true, itemTypeCode: true, title: { select: { title: true } } } } },
    });
    if (!loan) throw new DomainError("NOT_FOUND", "That loan has just been returned.");
    const { waitingHoldsByOthers, freeCopies } = await holdsAgainstRenewal(tx, loan.copy.titleId, patron.id);
    // The loan's own terms (the rule it was made under); a loan older than them takes today's rule.
    const terms = loanTerms(loan, (await ruleFor(tx, patron.categoryId, patron.policy, loan.copy.itemTypeCode)).rule);
    const dueAt = onOpenDay(dueDate(at, terms, settings.timeZone), settings.openingDays, settings.timeZone);
    const refused = renewalRefusal(
      { standing: patron.standing, renewals: loan.renewals, waitingHoldsByOthers, freeCopies, dueAt: loan.dueAt, renewedDueAt: dueAt },
      { blockThresholdCents: patron.policy.blockThresholdCents, maxRenewals: terms.maxRenewals },
      at,
    );
    // Without a patron or a device it is the desk renewing, and the librarian reads the refusal.
    if (refused) throw refusal(refused, settings.currency, patronId === undefined && via === undefined ? "staff" : "patron");

    // Conditional on the renewal count read above: a double click renews once.
    const { count } = await tx.loan.updateMany({
      where: { id: loan.id, returnedAt: null, renewals: loan.renewals },
      data: { renewals: loan.renewals + 1, dueAt, lastRenewedAt: at },
    });
    if (count !== 1) throw new DomainError("CONFLICT", "This loan was renewed a moment ago.");
    await recordAudit(tx, {
      actorId: circulationActor(actorId, patron),
      action: "loan.renew",
      entityType: "Loan",
      entityId: loan.id,
      details: { via: via ?? (patronId === undefined ? "desk" : "self"), dueAt: dueAt.toISOString(), renewals: loan.renewals + 1 },
    });
    return { loanId: loan.id, dueAt, renewalsLeft: terms.maxRenewals - loan.renewals - 1, title: loan.copy.title.title };
  });
}
