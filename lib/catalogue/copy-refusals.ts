import type { Tx } from "../db";
import { DomainError } from "../errors";
import { SET_ASIDE_HOLD_STATUSES } from "../holds/statuses";

/**
 * Why a copy cannot be changed by hand, after a conditional update touched nothing: it is gone,
 * on loan, set aside for a hold, or already withdrawn. Messages name the patron so the librarian
 * knows where the copy is.
 */
export async function copyRefusal(tx: Tx, copyId: number, doing: string): Promise<DomainError> {
  const copy = await tx.copy.findUnique({
    where: { id: copyId },
    select: {
      barcode: true,
      status: true,
      loans: { where: { returnedAt: null }, select: { patron: { select: { name: true, cardNumber: true } } } },
      holds: { where: { status: { in: [...SET_ASIDE_HOLD_STATUSES] } }, select: { patron: { select: { name: true, cardNumber: true } } } },
    },
  });
  if (!copy) return new DomainError("NOT_FOUND", "This copy no longer exists.");
  const loan = copy.loans[0];
  if (copy.status === "ON_LOAN" || loan) {
    const who = loan?.patron ? `${loan.patron.name} (card ${loan.patron.cardNumber})` : "a patron";
    return new DomainError("REFUSED", `Copy ${copy.barcode} is on loan to ${who} — check it in first, then ${doing} it.`, undefined, "COPY_ON_LOAN");
  }
  if (copy.status === "ON_HOLD_SHELF") {
    const hold = copy.holds[0];
    const who = hold ? `${hold.patron.name} (card ${hold.patron.cardNumber})` : "a patron";
    return new DomainError(
      "REFUSED",
      `Copy ${copy.barcode} is set aside on the hold shelf for ${who} — cancel that hold or lend the copy first.`,
      undefined,
      "COPY_ON_HOLD_SHELF",
    );
  }
  if (copy.status === "WITHDRAWN") return new DomainError("REFUSED", `Copy ${copy.barcode} is already withdrawn.`, undefined, "COPY_WITHDRAWN");
  return new DomainError("CONFLICT", `Copy ${copy.barcode} changed a moment ago. Reload the page and try again.`);
}
