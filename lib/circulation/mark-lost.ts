import { circulationActor, recordAudit } from "../audit";
import { moveCopy } from "../catalogue/copy-state";
import { now } from "../clock";
import { normaliseCode } from "../codes";
import { db } from "../db";
import { DomainError } from "../errors";
import { routeShelfCopy } from "../holds/route-copy";
import { SET_ASIDE_HOLD_STATUSES } from "../holds/statuses";
import { librarySettingsIn } from "../settings";

export type MarkLostOptions = { barcode: string; actorId: number };
export type MarkLostResult = { copyId: number; loanId: number | null; fine: { id: number; amountCents: number } | null };

/**
 * Marks a copy lost. If it is on loan, the loan is closed and the patron is charged the copy's
 * replacement cost. A lost copy that turns up is checked in: back to the shelf, and the charge
 * refunded unless the library keeps it (see checkIn).
 */
export async function markLost({ barcode, actorId }: MarkLostOptions): Promise<MarkLostResult> {
  const at = now();
  return db.$transaction(async (tx) => {
    const copy = await tx.copy.findUnique({ where: { barcode: normaliseCode(barcode) }, include: { title: { select: { title: true } } } });
    if (!copy) throw new DomainError("NOT_FOUND", `No copy has the barcode ${normaliseCode(barcode)}.`, { barcode: "Unknown barcode." });
    if (copy.status === "LOST" || copy.status === "WITHDRAWN") {
      throw new DomainError("REFUSED", `This copy is already ${copy.status === "LOST" ? "marked lost" : "withdrawn"}.`, undefined, "COPY_NOT_LENDABLE");
    }
    await moveCopy(tx, copy.id, [copy.status], "LOST");

    const loan = await tx.loan.findFirst({ where: { copyId: copy.id, returnedAt: null }, include: { patron: { select: { id: true, keepHistory: true } } } });
    let fine: MarkLostResult["fine"] = null;
    if (loan) {
      const closed = await tx.loan.updateMany({
        where: { id: loan.id, returnedAt: null },
        data: { returnedAt: at, lostAt: at, ...(loan.patron && !loan.patron.keepHistory ? { patronId: null } : {}) },
      });
      if (closed.count !== 1) throw new DomainError("CONFLICT", "This copy was checked in a moment ago.");
      if (loan.patron && copy.replacementCostCents > 0) {
        const created = await tx.fine.create({
          data: {
            patronId: loan.patron.id,
            loanId: loan.id,
            kind: "LOST",
            amountCents: copy.replacementCostCents,
            description: `${copy.title.title}: lost (replacement cost)`,
            createdAt: at,
          },
        });
        fine = { id: created.id, amountCents: created.amountCents };
        await recordAudit(tx, { actorId: circulationActor(actorId, loan.patron), action: "fine.charge", entityType: "Loan", entityId: loan.id, details: { kind: "LOST", amountCents: created.amountCents } });
      }
    }
    // A hold that had this copy set aside goes back to waiting (keeping its place), and the
    // router gives the queue a copy still on the shelf, if there is one.
    const { count: unserved } = await tx.hold.updateMany({
      where: { copyId: copy.id, status: { in: [...SET_ASIDE_HOLD_STATUSES] } },
      data: { status: "WAITING", copyId: null, readyAt: null, expiresAt: null },
    });
    if (unserved > 0) await routeShelfCopy(tx, copy.titleId, at, (await librarySettingsIn(tx)).timeZone);
    await recordAudit(tx, { actorId, action: "copy.lost", entityType: "Copy", entityId: copy.id, details: { barcode: copy.barcode, loanId: loan?.id } });
    return { copyId: copy.id, loanId: loan?.id ?? null, fine };
  });
}
