import { recordAudit } from "../audit";
import { now } from "../clock";
import { db } from "../db";
import { DomainError } from "../errors";

export type MarkLostOptions = { barcode: string; actorId: number };
export type MarkLostResult = { copyId: number; loanId: number | null; fine: { id: number; amountCents: number } | null };

/**
 * Marks a copy lost. If it is on loan, the loan is closed and the patron is charged the copy's
 * replacement cost. A lost copy that turns up is checked in to return to the shelf.
 */
export async function markLost({ barcode, actorId }: MarkLostOptions): Promise<MarkLostResult> {
  const at = now();
  return db.$transaction(async (tx) => {
    const copy = await tx.copy.findUnique({ where: { barcode: barcode.trim() }, include: { title: { select: { title: true } } } });
    if (!copy) throw new DomainError("NOT_FOUND", `No copy has the barcode ${barcode.trim()}.`, { barcode: "Unknown barcode." });
    const { count } = await tx.copy.updateMany({
      where: { id: copy.id, status: { in: ["AVAILABLE", "ON_LOAN", "DAMAGED", "ON_HOLD_SHELF"] } },
      data: { status: "LOST" },
    });
    if (count !== 1) throw new DomainError("REFUSED", `This copy is already ${copy.status === "LOST" ? "marked lost" : "withdrawn"}.`, undefined, "COPY_NOT_LENDABLE");

    const loan = await tx.loan.findFirst({ where: { copyId: copy.id, returnedAt: null } });
    let fine: MarkLostResult["fine"] = null;
    if (loan) {
      const closed = await tx.loan.updateMany({ where: { id: loan.id, returnedAt: null }, data: { returnedAt: at, lostAt: at } });
      if (closed.count !== 1) throw new DomainError("CONFLICT", "This copy was checked in a moment ago.");
      if (loan.patronId && copy.replacementCostCents > 0) {
        const created = await tx.fine.create({
          data: {
            patronId: loan.patronId,
            loanId: loan.id,
            kind: "LOST",
            amountCents: copy.replacementCostCents,
            description: `${copy.title.title}: lost (replacement cost)`,
            createdAt: at,
          },
        });
        fine = { id: created.id, amountCents: created.amountCents };
        await recordAudit(tx, { actorId, action: "fine.charge", entityType: "Fine", entityId: created.id, details: { kind: "LOST", amountCents: created.amountCents, loanId: loan.id } });
      }
    }
    // A hold that had this copy set aside goes back to waiting for the next copy.
    await tx.hold.updateMany({
      where: { copyId: copy.id, status: { in: ["IN_PROCESS", "READY"] } },
      data: { status: "WAITING", copyId: null, readyAt: null, expiresAt: null },
    });
    await recordAudit(tx, { actorId, action: "copy.lost", entityType: "Copy", entityId: copy.id, details: { barcode: copy.barcode, loanId: loan?.id } });
    return { copyId: copy.id, loanId: loan?.id ?? null, fine };
  });
}
