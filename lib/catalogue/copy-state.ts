import { now } from "../clock";
import type { Tx } from "../db";
import { DomainError } from "../errors";
import { Prisma } from "../generated/sqlite/client";
import type { CopyStatus } from "../generated/sqlite/enums";
import { SET_ASIDE_HOLD_STATUSES } from "../holds/statuses";
import { sqlWords } from "../sql-dialect";

// The one place a copy's status changes (docs/decisions/010-copy-state-module.md). Each change is
// a conditional update on the status the caller expects the copy in, and its count is checked:
// a copy that another transaction moved meanwhile (withdrawn during its check-in, lent while it
// was being set aside) is left alone and the caller is refused, never overwritten.
//
// Fixed statements rather than the query builder: every check-out and check-in moves a copy, and
// the builder's compile costs more than the statement (decision 020). Statuses are constants,
// written as literals the enum column compares with on PostgreSQL; updatedAt is set here as
// Prisma's @updatedAt would.

/** Copies circulation owns: nobody changes their status by hand. */
export const BUSY_STATUSES = ["ON_LOAN", "ON_HOLD_SHELF"] as const satisfies readonly CopyStatus[];

/** Copies a librarian may change by hand, withdraw, or delete (when they have no history). */
export const IDLE_STATUSES = ["AVAILABLE", "DAMAGED", "LOST", "WITHDRAWN"] as const satisfies readonly CopyStatus[];

const STATUS_WORDS: Record<CopyStatus, string> = {
  AVAILABLE: "is on the shelf",
  ON_LOAN: "is on loan",
  ON_HOLD_SHELF: "is set aside for a hold",
  LOST: "is marked lost",
  DAMAGED: "is marked damaged",
  WITHDRAWN: "has been withdrawn",
};

type CopyFields = { shelfLocation?: string; notes?: string | null; itemTypeCode?: string };

/**
 * Moves a copy from one of the `from` statuses to `to`; other fields may change in the same
 * write. Returns false, changing nothing, when the copy is no longer in one of those statuses.
 */
export async function tryMoveCopy(tx: Tx, copyId: number, from: readonly CopyStatus[], to: CopyStatus, fields: CopyFields = {}): Promise<boolean> {
  if (from.length === 0) return false;
  const changes = [
    Prisma.sql`"status" = ${sqlWords([to])}`,
    Prisma.sql`"updatedAt" = ${now()}`,
    ...(fields.shelfLocation !== undefined ? [Prisma.sql`"shelfLocation" = ${fields.shelfLocation}`] : []),
    ...(fields.notes !== undefined ? [Prisma.sql`"notes" = ${fields.notes}`] : []),
    ...(fields.itemTypeCode !== undefined ? [Prisma.sql`"itemTypeCode" = ${fields.itemTypeCode}`] : []),
  ];
  const count = await tx.$executeRaw`UPDATE "Copy" SET ${Prisma.join(changes)} WHERE "id" = ${copyId} AND "status" IN (${sqlWords(from)})`;
  return count === 1;
}

/** As tryMoveCopy, but a copy that moved meanwhile is refused with a conflict saying where it is now. */
export async function moveCopy(tx: Tx, copyId: number, from: readonly CopyStatus[], to: CopyStatus, fields: CopyFields = {}): Promise<void> {
  if (!(await tryMoveCopy(tx, copyId, from, to, fields))) throw await copyChanged(tx, copyId);
}

export async function copyChanged(tx: Tx, copyId: number): Promise<DomainError> {
  const copy = await tx.copy.findUnique({ where: { id: copyId }, select: { barcode: true, status: true } });
  if (!copy) return new DomainError("NOT_FOUND", "This copy no longer exists.");
  const message = `Copy ${copy.barcode} changed a moment ago: it ${STATUS_WORDS[copy.status]}. Try again.`;
  return new DomainError("CONFLICT", message, undefined, "COPY_CHANGED");
}

/** What a claim hands back of the copy it lent, read under the claim's row lock. */
export type LentCopy = { barcode: string; titleId: number; itemTypeCode: string };

/**
 * Lends a copy to the patron: it must be on the open shelf and not set aside for someone else,
 * or set aside (on the hold shelf or the pull list) for this very patron. Null when it was
 * not (someone else got it first, or it was never lendable).
 */
export async function tryLendCopy(tx: Tx, copyId: number, patronId: number): Promise<LentCopy | null> {
  const setAside = sqlWords(SET_ASIDE_HOLD_STATUSES);
  const [lent] = await tx.$queryRaw<LentCopy[]>`
    UPDATE "Copy" SET "status" = 'ON_LOAN', "updatedAt" = ${now()}
    WHERE "id" = ${copyId} AND (
      ("status" = 'AVAILABLE' AND NOT EXISTS (SELECT 1 FROM "Hold" h WHERE h."copyId" = "Copy"."id" AND h."status" IN (${setAside}) AND h."patronId" <> ${patronId}))
      OR ("status" = 'ON_HOLD_SHELF' AND EXISTS (SELECT 1 FROM "Hold" h WHERE h."copyId" = "Copy"."id" AND h."status" IN (${setAside}) AND h."patronId" = ${patronId})))
    RETURNING "barcode", "titleId", "itemTypeCode"`;
  return lent ?? null;
}

/** Withdraws every copy of a title not out in circulation; returns how many. */
export async function withdrawIdleCopies(tx: Tx, titleId: number): Promise<number> {
  const { count } = await tx.copy.updateMany({ where: { titleId, status: { in: ["AVAILABLE", "DAMAGED", "LOST"] } }, data: { status: "WITHDRAWN" } });
  return count;
}

/**
 * Deletes the copies (one, or a title's) that were never lent nor held and are not in
 * circulation now; the status condition is checked again on the row a concurrent check-out holds.
 */
export async function deleteCopiesWithoutHistory(tx: Tx, which: { id: number } | { titleId: number }): Promise<number> {
  const { count } = await tx.copy.deleteMany({ where: { ...which, status: { in: [...IDLE_STATUSES] }, loans: { none: {} }, holds: { none: {} } } });
  return count;
}

/**
 * The title lock: a conditional write on a title still in the catalogue (a row lock on
 * PostgreSQL, the write lock on SQLite), taken before anything that gives the title a copy or
 * a hold. Withdrawing a title takes the same row, so the two never interleave: whichever comes
 * second sees the other's work. A withdrawn title is refused with `withdrawn`.
 */
export async function lockOpenTitle(tx: Tx, titleId: number, at: Date, withdrawn: () => DomainError): Promise<void> {
  const { count } = await tx.title.updateMany({ where: { id: titleId, withdrawnAt: null }, data: { updatedAt: at } });
  if (count === 1) return;
  throw (await tx.title.count({ where: { id: titleId } })) ? withdrawn() : new DomainError("NOT_FOUND", "This title no longer exists.");
}

/** The title lock for many titles at once (the catalogue import); returns how many were still open. */
export async function lockOpenTitles(tx: Tx, titleIds: number[], at: Date): Promise<number> {
  if (titleIds.length === 0) return 0;
  const { count } = await tx.title.updateMany({ where: { id: { in: titleIds }, withdrawnAt: null }, data: { updatedAt: at } });
  return count;
}
