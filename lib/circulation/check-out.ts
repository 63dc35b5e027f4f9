import { circulationActor, recordAudit } from "../audit";
import { type LentCopy, tryLendCopy } from "../catalogue/copy-state";
import { now } from "../clock";
import { normaliseCode } from "../codes";
import { db, type Tx } from "../db";
import { DomainError } from "../errors";
import { formatDate } from "../format";
import type { HoldStatus } from "../generated/sqlite/enums";
import { routeFreedCopy } from "../holds/route-copy";
import { isOpenHold, OPEN_HOLD_STATUSES, SET_ASIDE_HOLD_STATUSES } from "../holds/statuses";
import { onOpenDay, type OpeningDays } from "../policies/opening-days";
import { termsOf } from "../policies/circulation-rule";
import { ruleFor, rulesForCategory } from "../policies/rule-for";
import { librarySettingsIn } from "../settings";
import { sqlWords } from "../sql-dialect";
import { type Audience, copyRefusalError, refusal } from "./messages";
import { lockPatron, type LockedPatron } from "./patron-standing";
import { borrowRefusal, copyRefusal, dueDate, type CopyRefusal } from "./rules";

export type CheckOutResult = {
  loanId: number;
  dueAt: Date;
  copy: { id: number; barcode: string };
  title: { id: number; title: string };
  patron: { id: number; name: string; cardNumber: string };
  /** Barcodes of other copies of the same title the patron already had on loan (the desk warns). */
  sameTitleOnLoan: string[];
};

type OpenLoan = { copyId: number; barcode: string; titleId: number; itemTypeCode: string };

/**
 * The patron's open loans with their copies, read once under the patron's lock (so the counts
 * stay true): the limits per item type and the desk's "already has this title" warning come from it.
 */
async function openLoansOf(tx: Tx, patronId: number): Promise<OpenLoan[]> {
  return tx.$queryRaw<OpenLoan[]>`
    SELECT l."copyId", c."barcode", c."titleId", c."itemTypeCode" FROM "Loan" l JOIN "Copy" c ON c."id" = l."copyId"
    WHERE l."patronId" = ${patronId} AND l."returnedAt" IS NULL`;
}

const countOfType = (loans: OpenLoan[], itemTypeCode: string) => loans.filter((l) => l.itemTypeCode === itemTypeCode).length;

/**
 * Writes the loan for a claimed copy under the rule for its type (refused, rolling the claim
 * back, for a copy not for loan or past its type's limit), and fulfils the patron's holds on its title.
 */
async function lend(
  tx: Tx,
  patron: LockedPatron,
  copy: LentCopy & { id: number; title: { id: number; title: string } },
  openLoans: OpenLoan[],
  at: Date,
  { timeZone, openingDays }: { timeZone: string; openingDays: OpeningDays },
  actorId: number,
  via: string,
) {
  const { rule, itemType } = await ruleFor(tx, patron.categoryId, patron.policy, copy.itemTypeCode);
  const refused = copyRefusal(rule, itemType.name, countOfType(openLoans, copy.itemTypeCode));
  if (refused) throw copyRefusalError(refused);
  const dueAt = onOpenDay(dueDate(at, rule, timeZone), openingDays, timeZone);
  // The rule's terms stay with the loan: a later edit to the matrix changes new loans only.
  const terms = termsOf(rule);
  const [loan] = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO "Loan" ("copyId", "patronId", "checkedOutById", "checkedOutAt", "dueAt", "renewals", "loanPeriodDays", "maxRenewals", "fineDailyCents", "fineGraceDays", "fineCapCents")
    VALUES (${copy.id}, ${patron.id}, ${via === "desk" ? actorId : null}, ${at}, ${dueAt}, 0, ${terms.loanPeriodDays}, ${terms.maxRenewals}, ${terms.fineDailyCents}, ${terms.fineGraceDays}, ${terms.fineCapCents})
    RETURNING "id"`;
  // Borrowing a title fulfils the patron's open hold on it; a copy that hold had set aside
  // (the patron took another one) passes on to the next in the queue. A patron with no open hold
  // (counted under their lock, which placing a hold takes too) has none to fulfil.
  const holds =
    patron.openHolds === 0
      ? []
      : await tx.$queryRaw<{ id: number; status: HoldStatus; copyId: number | null }[]>`
          SELECT "id", "status", "copyId" FROM "Hold" WHERE "patronId" = ${patron.id} AND "titleId" = ${copy.titleId} AND "status" IN (${sqlWords(OPEN_HOLD_STATUSES)})`;
  for (let hold of holds) {
    // Conditional on the state read; when a check-in has just set a copy aside for this hold, read it again.
    for (let attempt = 0; attempt < 3; attempt++) {
      const { count } = await tx.hold.updateMany({ where: { id: hold.id, status: hold.status }, data: { status: "FULFILLED", closedAt: at, closeReason: "borrowed" } });
      if (count === 1) {
        if (hold.copyId && hold.copyId !== copy.id) await routeFreedCopy(tx, hold.copyId, ["ON_HOLD_SHELF"], at, timeZone, hold.status === "READY");
        break;
      }
      hold = await tx.hold.findUniqueOrThrow({ where: { id: hold.id }, select: { id: true, status: true, copyId: true } });
      if (!isOpenHold(hold.status)) break;
    }
  }
  // The loan names the patron (while they keep history); the entry names only the loan.
  await recordAudit(tx, {
    actorId: circulationActor(actorId, patron),
    action: "loan.checkout",
    entityType: "Loan",
    entityId: loan.id,
    details: { via, copyId: copy.id, barcode: copy.barcode, dueAt: dueAt.toISOString() },
  });
  return {
    loanId: loan.id,
    dueAt,
    copy: { id: copy.id, barcode: copy.barcode },
    title: copy.title,
    patron: { id: patron.id, name: patron.name, cardNumber: patron.cardNumber },
    sameTitleOnLoan: [] as string[],
  };
}

async function startCheckOut(tx: Tx, patronId: number, at: Date, audience: Audience) {
  const settings = await librarySettingsIn(tx);
  const patron = await lockPatron(tx, patronId, at);
  const refused = borrowRefusal(patron.standing, patron.policy, at);
  if (refused) throw refusal(refused, settings.currency, audience);
  return { settings, patron };
}

export type CheckOutCopyOptions = {
  patronId: number;
  barcode: string;
  actorId: number;
  /** Who lent it, for the audit entry: the desk, or a SIP2 device ("SIP2, device Kiosk 1") acting for the patron. */
  via?: string;
};

/** The desk lends the copy in hand (scanned barcode) to the patron whose card was scanned. */
export async function checkOutCopy({ patronId, barcode, actorId, via = "desk" }: CheckOutCopyOptions): Promise<CheckOutResult> {
  const at = now();
  // The librarian at the desk reads refusals and may be told who holds a copy; a patron at a kiosk may not.
  const staff = via === "desk";
  return db.$transaction(async (tx) => {
    const { settings, patron } = await startCheckOut(tx, patronId, at, staff ? "staff" : "patron");
    const [copy] = await tx.$queryRaw<{ id: number; titleId: number; title: string }[]>`
      SELECT c."id", c."titleId", t."title" FROM "Copy" c JOIN "Title" t ON t."id" = c."titleId" WHERE c."barcode" = ${normaliseCode(barcode)}`;
    if (!copy) throw new DomainError("NOT_FOUND", `No copy has the barcode ${normaliseCode(barcode)}.`, { barcode: "Unknown barcode." });
    await countBorrow(tx, copy.titleId);
    const lent = await tryLendCopy(tx, copy.id, patron.id);
    if (!lent) throw await copyNotLendable(tx, copy.id, staff ? { patronId, timeZone: settings.timeZone } : null);
    const openLoans = await openLoansOf(tx, patronId);
    const loan = await lend(tx, patron, { ...lent, id: copy.id, title: { id: lent.titleId, title: copy.title } }, openLoans, at, settings, actorId, via);
    return { ...loan, sameTitleOnLoan: openLoans.filter((l) => l.titleId === lent.titleId && l.copyId !== copy.id).map((l) => l.barcode) };
  });
}

export type BorrowTitleOptions = { patronId: number; titleId: number };

/** Self-service: the patron borrows any copy of a title (their hold's copy first). */
export async function borrowTitle({ patronId, titleId }: BorrowTitleOptions): Promise<CheckOutResult> {
  const at = now();
  return db.$transaction(async (tx) => {
    const { settings, patron } = await startCheckOut(tx, patronId, at, "patron");
    const title = await tx.title.findUnique({ where: { id: titleId }, select: { id: true, title: true } });
    if (!title) throw new DomainError("NOT_FOUND", "That book is not in the catalogue.");
    // Under the patron's lock, so a double click lends once.
    const openLoans = await openLoansOf(tx, patronId);
    if (openLoans.some((l) => l.titleId === titleId)) throw new DomainError("REFUSED", "You already have this book on loan.", undefined, "ALREADY_ON_LOAN");
    // Only copies whose type this patron may borrow now are candidates.
    const rules = await rulesForCategory(tx, patron.categoryId, patron.policy);
    const typeRefusals = new Map<string, CopyRefusal | null>([...rules].map(([code, { rule, itemType }]) => [code, copyRefusal(rule, itemType.name, countOfType(openLoans, code))]));
    const lendable = [...typeRefusals].filter(([, refused]) => !refused).map(([code]) => code);
    await countBorrow(tx, titleId);
    // Candidates change under concurrent borrowers: each claim is conditional, so retry on a fresh pick.
    for (let attempt = 0; attempt < 10; attempt++) {
      const candidate =
        (await tx.copy.findFirst({
          where: { titleId, itemTypeCode: { in: lendable }, status: "ON_HOLD_SHELF", holds: { some: { status: { in: [...SET_ASIDE_HOLD_STATUSES] }, patronId } } },
          select: { id: true },
        })) ??
        (await tx.copy.findFirst({
          where: { titleId, itemTypeCode: { in: lendable }, status: "AVAILABLE", holds: { none: { status: { in: [...SET_ASIDE_HOLD_STATUSES] }, patronId: { not: patronId } } } },
          orderBy: { id: "asc" },
          select: { id: true },
        }));
      if (!candidate) break;
      const lent = await tryLendCopy(tx, candidate.id, patron.id);
      if (lent) return lend(tx, patron, { ...lent, id: candidate.id, title }, openLoans, at, settings, patronId, "self");
    }
    // A copy on the shelf of a type this patron may not borrow: say why, in its type's words.
    const refusedCopy = await tx.copy.findFirst({ where: { titleId, status: "AVAILABLE", itemTypeCode: { notIn: lendable } }, orderBy: { id: "asc" }, select: { itemTypeCode: true } });
    const refusedType = refusedCopy ? typeRefusals.get(refusedCopy.itemTypeCode) : null;
    if (refusedType) throw copyRefusalError(refusedType);
    const heldForOthers = await tx.copy.count({ where: { titleId, itemTypeCode: { in: lendable }, status: { in: ["ON_HOLD_SHELF", "AVAILABLE"] } } });
    throw heldForOthers > 0
      ? new DomainError("REFUSED", "The copies on the shelf are set aside for patrons who reserved them. You can reserve this book.", undefined, "HELD_FOR_OTHERS")
      : new DomainError("REFUSED", "No copy is available right now. You can reserve this book.", undefined, "NO_COPY_AVAILABLE");
  });
}

/**
 * The title's popularity counts the borrow. Written before the copy is claimed, so a check-out
 * takes the title row before the copy row, in the order a withdrawal does (no deadlock); a
 * refused check-out rolls it back. Raw SQL so the title's updatedAt stays: a borrow is not an
 * edit of the record, and the search's word lists rebuild when a title's updatedAt moves.
 */
async function countBorrow(tx: Tx, titleId: number): Promise<void> {
  await tx.$executeRaw`UPDATE "Title" SET "popularity" = "popularity" + 1 WHERE "id" = ${titleId}`;
}

/**
 * Why the desk cannot lend this copy, in words the librarian can act on. The desk (`desk` set)
 * is told whom a copy on loan is lent to; a patron at a kiosk is not.
 */
async function copyNotLendable(tx: Tx, copyId: number, desk: { patronId: number; timeZone: string } | null): Promise<DomainError> {
  const copy = await tx.copy.findUniqueOrThrow({ where: { id: copyId }, select: { status: true } });
  if (copy.status === "ON_LOAN" && desk) {
    const loan = await tx.loan.findFirst({ where: { copyId, returnedAt: null }, select: { dueAt: true, patron: { select: { id: true, name: true, cardNumber: true } } } });
    if (loan?.patron) {
      const message =
        loan.patron.id === desk.patronId
          ? `This copy is already on loan to this patron, due ${formatDate(loan.dueAt, desk.timeZone)}.`
          : `This copy is on loan to ${loan.patron.name} (card ${loan.patron.cardNumber}), due ${formatDate(loan.dueAt, desk.timeZone)}. Check it in first.`;
      return new DomainError("REFUSED", message, { barcode: message }, "COPY_ON_LOAN");
    }
  }
  const messages: Record<string, [string, string]> = {
    AVAILABLE: ["This copy is set aside for another patron's hold.", "HELD_FOR_OTHERS"],
    ON_LOAN: ["This copy is already on loan. Check it in first.", "COPY_ON_LOAN"],
    ON_HOLD_SHELF: ["This copy is on the hold shelf for another patron.", "HELD_FOR_OTHERS"],
    LOST: ["This copy is marked lost. Check it in to put it back in circulation.", "COPY_NOT_LENDABLE"],
    DAMAGED: ["This copy is marked damaged and cannot be lent.", "COPY_NOT_LENDABLE"],
    WITHDRAWN: ["This copy has been withdrawn and cannot be lent.", "COPY_NOT_LENDABLE"],
  };
  const [message, reason] = messages[copy.status];
  return new DomainError("REFUSED", message, { barcode: message }, reason);
}
