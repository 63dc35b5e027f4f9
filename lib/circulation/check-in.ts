import { circulationActor, recordAudit } from "../audit";
import { now } from "../clock";
import { normaliseCode } from "../codes";
import { db, type Tx } from "../db";
import { DomainError } from "../errors";
import { overdueFineCents } from "../fines/rules";
import { Prisma } from "../generated/sqlite/client";
import type { CopyStatus } from "../generated/sqlite/enums";
import { routeFreedCopy, routeHeldCopy, type CopyRouting } from "../holds/route-copy";
import { loanTerms, type LoanTerms } from "../policies/circulation-rule";
import { ruleFor } from "../policies/rule-for";
import { librarySettingsIn } from "../settings";
import { toDate } from "../sql-dialect";
import { daysOverdue } from "./rules";

export type CheckInResult = {
  copy: { id: number; barcode: string };
  title: { id: number; title: string };
  /** The loan that was closed, if the copy was on loan. */
  loan: { id: number; patron: { id: number; name: string; cardNumber: string } | null; daysLate: number } | null;
  fine: { id: number; amountCents: number } | null;
  /** Set when the copy was marked lost: its replacement charge, and what finding it took off. */
  found: FoundLostCopy | null;
  routing: CopyRouting;
};

export type FoundLostCopy = {
  chargeCents: number;
  /** The unpaid part of the charge, now waived; 0 when the library keeps the charge. */
  refundedCents: number;
  /** The part the patron already paid, to be handed back (0 when the charge is kept). */
  paidBackCents: number;
  kept: boolean;
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

/** What a patron is told where returns are made only in person. */
export const SELF_RETURN_OFF = "Returns are made at the library: bring the book to the desk or put it in the book drop.";

/**
 * Takes a copy back: closes its open loan (charging an overdue fine), then sends the copy to
 * the hold shelf for the first patron waiting for its title, or back to the open shelf.
 */
export async function checkIn({ barcode, actorId, patronId, via }: CheckInOptions): Promise<CheckInResult> {
  const at = now();
  return db.$transaction(async (tx) => {
    const settings = await librarySettingsIn(tx);
    const scanned = await copyInHand(tx, normaliseCode(barcode));
    if (!scanned) throw new DomainError("NOT_FOUND", `No copy has the barcode ${normaliseCode(barcode)}.`, { barcode: "Unknown barcode." });
    const { copy, open } = scanned;
    if (patronId !== undefined && open?.patronId !== patronId) throw new DomainError("NOT_FOUND", "You have no loan of that copy.");
    // Read in this transaction, so a library that has just turned it off takes no more home returns.
    if (patronId !== undefined && !settings.selfServiceReturn) throw new DomainError("REFUSED", SELF_RETURN_OFF, undefined, "SELF_RETURN_OFF");
    if (copy.status === "WITHDRAWN") throw new DomainError("REFUSED", "This copy has been withdrawn. Put it aside for the cataloguer.", undefined, "COPY_WITHDRAWN");
    if (copy.status === "DAMAGED" && !open) {
      throw new DomainError("REFUSED", "This copy is marked damaged. Change its status in the inventory once it is repaired.", undefined, "COPY_DAMAGED");
    }

    let loan: CheckInResult["loan"] = null;
    let fine: CheckInResult["fine"] = null;
    if (open) {
      // Only one check-in closes the loan: a second scan of the same copy finds it closed.
      const forget = open.patron !== null && !open.patron.keepHistory;
      const count = await tx.$executeRaw`
        UPDATE "Loan" SET "returnedAt" = ${at}${forget ? Prisma.sql`, "patronId" = NULL` : Prisma.empty} WHERE "id" = ${open.id} AND "returnedAt" IS NULL`;
      if (count !== 1) throw new DomainError("CONFLICT", "This copy was checked in a moment ago.");
      const daysLate = daysOverdue(open.dueAt, at, settings.timeZone);
      // The fine policy is read only for a late return: most come back on time.
      if (open.patron && daysLate > 0) {
        // The loan's own terms; a loan older than them takes today's rule for its copy.
        const category = await tx.patronCategory.findUniqueOrThrow({ where: { id: open.patron.categoryId } });
        const terms = loanTerms(open, (await ruleFor(tx, category.id, category, copy.itemTypeCode)).rule);
        const amountCents = overdueFineCents(open.dueAt, at, terms, settings.timeZone, settings.openingDays);
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
    const found = copy.status === "LOST" ? await findLostCopy(tx, copy.id, actorId, settings.keepLostChargeWhenFound, at) : null;
    // A copy already set aside for a hold (from the pull list or the hold shelf) stays with it.
    // Any other goes through the router from the status read above: one withdrawn or changed
    // since is refused, and the loan closed above rolls back with it.
    const held = open ? null : await routeHeldCopy(tx, copy.id, at, settings.timeZone);
    const routing = held ?? (await routeFreedCopy(tx, copy.id, [copy.status], at, settings.timeZone));
    await recordAudit(tx, {
      actorId: open?.patron ? circulationActor(actorId, open.patron) : actorId,
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
      await recordAudit(tx, { actorId: circulationActor(actorId, open!.patron!), action: "fine.charge", entityType: "Loan", entityId: open!.id, details: { kind: "OVERDUE", amountCents: fine.amountCents } });
    }
    return { copy: { id: copy.id, barcode: copy.barcode }, title: copy.title, loan, fine, found, routing };
  });
}

type CopyInHand = { id: number; barcode: string; status: CopyStatus; itemTypeCode: string; title: { id: number; title: string } };

type OpenLoan = LoanTerms & {
  id: number;
  patronId: number | null;
  dueAt: Date;
  patron: { id: number; name: string; cardNumber: string; keepHistory: boolean; categoryId: number } | null;
};

type CopyInHandRow = LoanTerms & {
  id: number;
  barcode: string;
  status: CopyStatus;
  itemTypeCode: string;
  titleId: number;
  title: string;
  loanId: number | null;
  patronId: number | null;
  dueAt: Date | string | null;
  name: string | null;
  cardNumber: string | null;
  keepHistory: boolean | number | null;
  categoryId: number | null;
};

/**
 * The copy scanned, its title, and its open loan with the loan's patron, if any: every check-in
 * reads them, so one fixed statement (decision 020).
 */
async function copyInHand(tx: Tx, barcode: string): Promise<{ copy: CopyInHand; open: OpenLoan | null } | null> {
  const [row] = await tx.$queryRaw<CopyInHandRow[]>`
    SELECT c."id", c."barcode", c."status", c."itemTypeCode", c."titleId", t."title",
      l."id" AS "loanId", l."patronId", l."dueAt", l."loanPeriodDays", l."maxRenewals", l."fineDailyCents", l."fineGraceDays", l."fineCapCents",
      u."name", u."cardNumber", u."keepHistory", u."categoryId"
    FROM "Copy" c JOIN "Title" t ON t."id" = c."titleId"
    LEFT JOIN "Loan" l ON l."copyId" = c."id" AND l."returnedAt" IS NULL
    LEFT JOIN "User" u ON u."id" = l."patronId"
    WHERE c."barcode" = ${barcode}`;
  if (!row) return null;
  const copy = { id: row.id, barcode: row.barcode, status: row.status, itemTypeCode: row.itemTypeCode, title: { id: row.titleId, title: row.title } };
  if (row.loanId === null) return { copy, open: null };
  const patron =
    row.patronId === null
      ? null
      : { id: row.patronId, name: row.name!, cardNumber: row.cardNumber!, keepHistory: Boolean(row.keepHistory), categoryId: row.categoryId! };
  const { loanPeriodDays, maxRenewals, fineDailyCents, fineGraceDays, fineCapCents } = row;
  const open = { id: row.loanId, patronId: row.patronId, dueAt: toDate(row.dueAt)!, loanPeriodDays, maxRenewals, fineDailyCents, fineGraceDays, fineCapCents, patron };
  return { copy, open };
}

/**
 * A lost copy is back: its replacement charge is refunded, as Koha does by default, unless the
 * library keeps it. The unpaid part is waived (lifting a fines block it caused) and the paid
 * part is named for the desk to hand back. A second find of the same loss waives nothing more.
 */
async function findLostCopy(tx: Tx, copyId: number, actorId: number | null, keep: boolean, at: Date): Promise<FoundLostCopy> {
  const charge = await tx.fine.findFirst({
    where: { kind: "LOST", loan: { copyId, lostAt: { not: null } } },
    orderBy: { createdAt: "desc" },
  });
  if (!charge) return { chargeCents: 0, refundedCents: 0, paidBackCents: 0, kept: keep };
  if (keep) return { chargeCents: charge.amountCents, refundedCents: 0, paidBackCents: 0, kept: true };
  const unpaid = charge.amountCents - charge.paidCents - charge.waivedCents;
  if (unpaid > 0) {
    // Conditional on the amounts read: a payment taken at the same moment makes this refuse, not double-count.
    const { count } = await tx.fine.updateMany({
      where: { id: charge.id, paidCents: charge.paidCents, waivedCents: charge.waivedCents },
      data: { waivedCents: charge.waivedCents + unpaid, settledAt: charge.settledAt ?? at },
    });
    if (count !== 1) throw new DomainError("CONFLICT", "This patron's fines changed a moment ago. Scan the copy again.");
    await tx.payment.create({
      data: {
        patronId: charge.patronId,
        kind: "WAIVER",
        amountCents: unpaid,
        reason: "Lost copy found",
        recordedById: actorId,
        createdAt: at,
        allocations: { create: { fineId: charge.id, amountCents: unpaid } },
      },
    });
    await recordAudit(tx, { actorId, action: "fine.waive", entityType: "Fine", entityId: charge.id, details: { kind: "LOST", amountCents: unpaid, reason: "lost copy found" } });
  }
  return { chargeCents: charge.amountCents, refundedCents: Math.max(0, unpaid), paidBackCents: charge.paidCents, kept: false };
}

export type ReturnLoanOptions = { loanId: number; patronId: number };

/**
 * Self-service return of one of the patron's own loans, where the library allows it
 * (selfServiceReturn). Another patron's loan is "not found".
 */
export async function returnLoan({ loanId, patronId }: ReturnLoanOptions): Promise<CheckInResult> {
  const loan = await db.loan.findFirst({ where: { id: loanId, patronId, returnedAt: null }, select: { copy: { select: { barcode: true } } } });
  if (!loan) throw new DomainError("NOT_FOUND", "You have no such loan.");
  return checkIn({ barcode: loan.copy.barcode, actorId: patronId, patronId });
}
