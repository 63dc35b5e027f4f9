import { db } from "../db";
import type { HoldStatus } from "../generated/sqlite/enums";
import { patronHolds } from "../holds/patron-holds";

export type PatronTitleStatus = {
  loan: { id: number; dueAt: Date } | null;
  hold: { id: number; status: HoldStatus; position: number; expiresAt: Date | null } | null;
  /** Copies on the open shelf nobody has set aside, of a type for loan (a reference copy is not offered). */
  freeCopies: number;
};

/** What the title page offers a signed-in patron: their loan or hold of it, and whether a copy is free. */
export async function patronTitleStatus(patronId: number, titleId: number): Promise<PatronTitleStatus> {
  const [loan, holds, freeCopies] = await Promise.all([
    db.loan.findFirst({ where: { patronId, returnedAt: null, copy: { titleId } }, select: { id: true, dueAt: true } }),
    patronHolds(patronId),
    db.copy.count({ where: { titleId, status: "AVAILABLE", itemType: { notForLoan: false } } }),
  ]);
  const hold = holds.find((h) => h.titleId === titleId);
  return {
    loan,
    hold: hold ? { id: hold.id, status: hold.status, expiresAt: hold.expiresAt, position: hold.position } : null,
    freeCopies,
  };
}
