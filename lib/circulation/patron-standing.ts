import { db, type Tx } from "../db";
import { DomainError } from "../errors";
import { Prisma } from "../generated/sqlite/client";
import { OPEN_HOLD_STATUSES } from "../holds/statuses";
import type { CirculationPolicy } from "../policies/policy";
import { sqlWords } from "../sql-dialect";
import { borrowRefusals, standingRefusals, type BorrowRefusal, type PatronStanding } from "./rules";

export type LockedPatron = {
  id: number;
  name: string;
  cardNumber: string;
  keepHistory: boolean;
  /** The patron's category: its policy is the matrix's default column (lib/policies/rule-for.ts). */
  categoryId: number;
  policy: CirculationPolicy;
  standing: PatronStanding;
  /** Holds waiting, set aside or ready: none means a borrow has no hold of theirs to fulfil. */
  openHolds: number;
};

/**
 * The one definition of a patron's standing, as SQL columns over the accounts `u`: open loans,
 * overdue ones, unpaid fines and open holds. The lock reads one patron through it; the patrons
 * table sorts and filters every account by the same columns.
 */
export function standingColumns(at: Date): Prisma.Sql {
  return Prisma.sql`
    (SELECT COUNT(*) FROM "Loan" WHERE "patronId" = u."id" AND "returnedAt" IS NULL) AS "openLoans",
    (SELECT COUNT(*) FROM "Loan" WHERE "patronId" = u."id" AND "returnedAt" IS NULL AND "dueAt" < ${at}) AS "overdueLoans",
    (SELECT COALESCE(SUM("amountCents" - "paidCents" - "waivedCents"), 0) FROM "Fine" WHERE "patronId" = u."id" AND "settledAt" IS NULL) AS "unpaidFinesCents",
    (SELECT COUNT(*) FROM "Hold" WHERE "patronId" = u."id" AND "status" IN (${sqlWords(OPEN_HOLD_STATUSES)})) AS "openHolds"`;
}

export type StandingCounts = { openLoans: number; overdueLoans: number; unpaidFinesCents: number; openHolds: number };

/** The standing columns of a raw row as numbers (drivers hand counts back as bigint or text). */
export function standingCounts(row: Record<keyof StandingCounts, number | bigint | string>): StandingCounts {
  return { openLoans: Number(row.openLoans), overdueLoans: Number(row.overdueLoans), unpaidFinesCents: Number(row.unpaidFinesCents), openHolds: Number(row.openHolds) };
}

/**
 * Takes the patron's row lock (a write as the transaction's first statement: a row lock on
 * PostgreSQL, the write lock on SQLite), then reads their standing. Every later check in the
 * transaction sees a state no concurrent borrow, renewal or payment for this patron can change.
 */
export async function lockPatron(tx: Tx, patronId: number, at: Date): Promise<LockedPatron> {
  const count = await tx.$executeRaw`UPDATE "User" SET "updatedAt" = ${at} WHERE "id" = ${patronId}`;
  if (count !== 1) throw new DomainError("NOT_FOUND", "No patron with that card.");
  return (await readPatronStanding(tx, patronId, at))!;
}

/**
 * The patron, their category's policy and their standing in one round trip (every check-out,
 * borrow and renewal pays for this read); null for an unknown patron. Under lockPatron when a
 * change depends on it; alone for what the desk shows.
 */
export async function readPatronStanding(client: Pick<Tx, "$queryRaw">, patronId: number, at: Date): Promise<LockedPatron | null> {
  const [row] = await client.$queryRaw<StandingRow[]>(Prisma.sql`
    SELECT u."id", u."name", u."cardNumber", u."keepHistory", u."categoryId", u."status", u."blockedReason", u."expiresAt",
      c."loanPeriodDays", c."maxLoans", c."maxRenewals", c."fineDailyCents", c."fineGraceDays", c."fineCapCents",
      c."blockThresholdCents", c."maxHolds", c."holdPickupDays", c."dueSoonDays", c."overdueNoticeDays",
      ${standingColumns(at)}
    FROM "User" u JOIN "PatronCategory" c ON c."id" = u."categoryId"
    WHERE u."id" = ${patronId}`);
  if (!row) return null;
  const { openHolds, ...counts } = standingCounts(row);
  return {
    id: row.id,
    name: row.name,
    cardNumber: row.cardNumber,
    // SQLite hands raw booleans and dates back as 0/1 and ISO text.
    keepHistory: Boolean(row.keepHistory),
    categoryId: row.categoryId,
    policy: {
      loanPeriodDays: row.loanPeriodDays,
      maxLoans: row.maxLoans,
      maxRenewals: row.maxRenewals,
      fineDailyCents: row.fineDailyCents,
      fineGraceDays: row.fineGraceDays,
      fineCapCents: row.fineCapCents,
      blockThresholdCents: row.blockThresholdCents,
      maxHolds: row.maxHolds,
      holdPickupDays: row.holdPickupDays,
      dueSoonDays: row.dueSoonDays,
      overdueNoticeDays: row.overdueNoticeDays,
    },
    standing: { status: row.status, blockedReason: row.blockedReason, expiresAt: row.expiresAt === null ? null : new Date(row.expiresAt), ...counts },
    openHolds,
  };
}

type StandingRow = CirculationPolicy &
  Record<keyof StandingCounts, number | bigint | string> & {
    id: number;
    name: string;
    cardNumber: string;
    keepHistory: boolean | number;
    categoryId: number;
    status: PatronStanding["status"];
    blockedReason: string | null;
    expiresAt: Date | string | null;
  };

export type AccountOverview = {
  /** Every reason the patron may not borrow now, most basic first (empty: in good standing). */
  refusals: BorrowRefusal[];
  standing: PatronStanding;
  blockThresholdCents: number;
  /** The earliest due date among loans not yet overdue. */
  nextDueAt: Date | null;
  holds: { waiting: number; ready: { title: string; expiresAt: Date | null }[] };
};

/**
 * What the patron's account overview leads with: their standing judged by the same rules a
 * borrow is (lib/circulation/rules.ts over readPatronStanding), and what is on loan, reserved and owed.
 */
export async function accountOverview(patronId: number, at: Date): Promise<AccountOverview | null> {
  const [read, nextDue, holds] = await Promise.all([
    readPatronStanding(db, patronId, at),
    db.loan.findFirst({ where: { patronId, returnedAt: null, dueAt: { gte: at } }, orderBy: { dueAt: "asc" }, select: { dueAt: true } }),
    db.hold.findMany({
      where: { patronId, status: { in: [...OPEN_HOLD_STATUSES] } },
      orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
      select: { status: true, expiresAt: true, title: { select: { title: true } } },
    }),
  ]);
  if (!read) return null;
  return {
    // Every standing reason at once (an expired card and fines both need seeing to), then the loan limit.
    refusals: [...standingRefusals(read.standing, read.policy, at), ...borrowRefusals(read.standing, read.policy, at).filter((r) => r.reason === "LOAN_LIMIT")],
    standing: read.standing,
    blockThresholdCents: read.policy.blockThresholdCents,
    nextDueAt: nextDue?.dueAt ?? null,
    holds: {
      waiting: holds.filter((h) => h.status !== "READY").length,
      ready: holds.filter((h) => h.status === "READY").map((h) => ({ title: h.title.title, expiresAt: h.expiresAt })),
    },
  };
}
