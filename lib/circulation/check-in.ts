import { circulationActor, recordAudit } from "../audit";
import { now } from "../clock";
import { db } from "../db";
import { DomainError } from "../errors";
import { overdueFineCents } from "../fines/rules";
import { routeFreedCopy, routeHeldCopy, type CopyRouting } from "../holds/route-copy";
import { librarySettingsIn } from "../settings";
import { daysOverdue } from "./rules";

export type CheckInResult = {
  copy: { id: number; barcode: string };
  title: { id: number; title: string };
  /** The loan that was closed, if the copy was on loan. */
  loan: { id: number; patron: { id: number; name: string; cardNumber: string } | null; daysLate: number } | null;
  fine: { id: number; amountCents: number } | null;
  routing: CopyRouting;
};

export type CheckInOptions = {
  barcode: string;
  /** Null for a SIP2 return box or kiosk, where nobody signed in. */
  actorId: number | null;
  /** A SIP2 device's name for the audit entry ("SIP2, device Kiosk 1"). */
  via?: string;
  /** Self-service returns name the loan, and only its patron may return it. */
  patronId?: number;
};

/**
 * Takes a copy back: closes its open loan (charging an overdue fine), then sends the copy to
 * the hold shelf for the first patron waiting for its title, or back to the open shelf.
 */
export async function checkIn({ barcode, actorId, patronId, via }: CheckInOptions): Promise<CheckInResult> {
  const at = now();
  return db.$transaction(async (tx) => {
    const settings = await librarySettingsIn(tx);
    const copy = await tx.copy.findUnique({ where: { barcode: barcode.trim() }, include: { title: { select: { id: true, title: true } } } });
    if (!copy) throw new DomainError("NOT_FOUND", `No copy has the barcode ${barcode.trim()}.`, { barcode: "Unknown barcode." });
    const open = await tx.loan.findFirst({
      where: { copyId: copy.id, returnedAt: null },
      include: { patron: { select: { id: true, name: true, cardNumber: true, keepHistory: true, categoryId: true } } },
    });
    if (patronId !== undefined && open?.patronId !== patronId) throw new DomainError("NOT_FOUND", "You have no loan of that copy.");
    if (copy.status === "WITHDRAWN") throw new DomainError("REFUSED", "This copy has been withdrawn. Put it aside for the cataloguer.", undefined, "COPY_WITHDRAWN");
    if (copy.status === "DAMAGED" && !open) {
      throw new DomainError("REFUSED", "This copy is marked damaged. Change its status in the inventory once it is repaired.", undefined, "COPY_DAMAGED");
    }

    let loan: CheckInResult["loan"] = null;
    let fine: CheckInResult["fine"] = null;
    if (open) {
      // Only one check-in closes the loan: a second scan of the same copy finds it closed.
      const { count } = await tx.loan.updateMany({
        where: { id: open.id, returnedAt: null },
        data: { returnedAt: at, ...(open.patron && !open.patron.keepHistory ? { patronId: null } : {}) },
      });
      if (count !== 1) throw new DomainError("CONFLICT", "This copy was checked in a moment ago.");
      const daysLate = daysOverdue(open.dueAt, at, settings.timeZone);
      // The fine policy is read only for a late return: most come back on time.
      if (open.patron && daysLate > 0) {
        const policy = await tx.patronCategory.findUniqueOrThrow({ where: { id: open.patron.categoryId } });
        const amountCents = overdueFineCents(open.dueAt, at, policy, settings.timeZone);
        if (amountCents > 0) {
          const created = await tx.fine.create({
            data: {
              patronId: open.patron.id,
              loanId: open.id,
              kind: "OVERDUE",
              amountCents,
              description: `${copy.title.title}: returned ${daysLate} day${daysLate === 1 ? "" : "s"} late`,
              createdAt: at,
            },
          });
          fine = { id: created.id, amountCents };
        }
      }
      loan = {
        id: open.id,
        patron: open.patron ? { id: open.patron.id, name: open.patron.name, cardNumber: open.patron.cardNumber } : null,
        daysLate,
      };
    }
    // A copy already set aside for a hold (from the pull list or the hold shelf) stays with it.
    // Any other goes through the router from the status read above: one withdrawn or changed
    // since is refused, and the loan closed above rolls back with it.
    const held = open ? null : await routeHeldCopy(tx, copy.id, at, settings.timeZone);
    const routing = held ?? (await routeFreedCopy(tx, copy.id, [copy.status], at, settings.timeZone));
    await recordAudit(tx, {
      actorId: open?.patron && actorId !== null ? circulationActor(actorId, open.patron) : actorId,
      action: "loan.checkin",
      entityType: open ? "Loan" : "Copy",
      entityId: open ? open.id : copy.id,
      details: {
        barcode: copy.barcode,
        via: via ?? (patronId === undefined ? "desk" : "self"),
        fineCents: fine?.amountCents ?? 0,
        routedTo: routing.kind === "hold-shelf" ? `hold ${routing.holdId}` : "shelf",
      },
    });
    if (fine) {
      await recordAudit(tx, { actorId: actorId === null ? null : circulationActor(actorId, open!.patron!), action: "fine.charge", entityType: "Loan", entityId: open!.id, details: { kind: "OVERDUE", amountCents: fine.amountCents } });
    }
    return { copy: { id: copy.id, barcode: copy.barcode }, title: copy.title, loan, fine, routing };
  });
}

export type ReturnLoanOptions = { loanId: number; patronId: number };

/** Self-service return of one of the patron's own loans. Another patron's loan is "not found". */
export async function returnLoan({ loanId, patronId }: ReturnLoanOptions): Promise<CheckInResult> {
  const loan = await db.loan.findFirst({ where: { id: loanId, patronId, returnedAt: null }, select: { copy: { select: { barcode: true } } } });
  if (!loan) throw new DomainError("NOT_FOUND", "You have no such loan.");
  return checkIn({ barcode: loan.copy.barcode, actorId: patronId, patronId });
}
