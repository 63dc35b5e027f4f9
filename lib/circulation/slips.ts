import { db } from "../db";
import { patronFines } from "../fines/patron-fines";
import { currentLoans } from "./patron-loans";

// What the desk's printed slips say. Staff-only reads: a slip is printed for the patron at the counter.

const patronOnSlip = { select: { id: true, name: true, cardNumber: true } } as const;

/** The check-out slip: who borrowed, and the due date of everything on their card now. */
export async function loanSlip(patronId: number) {
  const patron = await db.user.findUnique({ where: { id: patronId }, ...patronOnSlip });
  if (!patron) return null;
  const loans = await currentLoans(patronId);
  return { patron, loans: loans.map((l) => ({ id: l.id, title: l.title.title, barcode: l.barcode, dueAt: l.dueAt })) };
}

/** The slip for a fine charged at check-in: what it was for, its amount, and what the patron owes in all. */
export async function fineSlip(fineId: number) {
  const fine = await db.fine.findUnique({
    where: { id: fineId },
    select: { id: true, amountCents: true, description: true, createdAt: true, patron: patronOnSlip, loan: { select: { copy: { select: { barcode: true, title: { select: { title: true } } } } } } },
  });
  if (!fine) return null;
  const { balanceCents } = await patronFines(fine.patron.id);
  return { ...fine, stillOwedCents: balanceCents };
}

/** The slip put in a copy on the hold shelf: whose it is and until when it waits. */
export async function holdSlip(holdId: number) {
  return db.hold.findUnique({
    where: { id: holdId },
    select: { id: true, status: true, expiresAt: true, patron: patronOnSlip, title: { select: { title: true } }, copy: { select: { barcode: true } } },
  });
}

/** A patron's library card. */
export async function libraryCard(patronId: number) {
  return db.user.findUnique({ where: { id: patronId }, select: { id: true, name: true, cardNumber: true, expiresAt: true, category: { select: { name: true } } } });
}
