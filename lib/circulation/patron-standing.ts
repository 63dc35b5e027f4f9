import type { Tx } from "../db";
import { Prisma } from "../generated/sqlite/client";
import { DomainError } from "../errors";
import type { CirculationPolicy } from "../policies/policy";
import type { PatronStanding } from "./rules";

export type LockedPatron = {
  id: number;
  name: string;
  cardNumber: string;
  keepHistory: boolean;
  policy: CirculationPolicy;
  standing: PatronStanding;
};

/**
 * Takes the patron's row lock (a write as the transaction's first statement: a row lock on
 * PostgreSQL, the write lock on SQLite), then reads their standing. Every later check in the
 * transaction sees a state no concurrent borrow, renewal or payment for this patron can change.
 */
export async function lockPatron(tx: Tx, patronId: number, at: Date): Promise<LockedPatron> {
  const { count } = await tx.user.updateMany({ where: { id: patronId }, data: { updatedAt: at } });
  if (count !== 1) throw new DomainError("NOT_FOUND", "No patron with that card.");
  // The patron, their category's policy and their standing in one round trip: every check-out,
  // borrow and renewal pays for this read.
  const [row] = await tx.$queryRaw<StandingRow[]>(Prisma.sql`
    SELECT u."id", u."name", u."cardNumber", u."keepHistory", u."status", u."blockedReason", u."expiresAt",
      c."loanPeriodDays", c."maxLoans", c."maxRenewals", c."fineDailyCents", c."fineGraceDays", c."fineCapCents",
      c."blockThresholdCents", c."maxHolds", c."holdPickupDays", c."dueSoonDays", c."overdueNoticeDays",
      (SELECT COUNT(*) FROM "Loan" WHERE "patronId" = u."id" AND "returnedAt" IS NULL) AS "openLoans",
      (SELECT COUNT(*) FROM "Loan" WHERE "patronId" = u."id" AND "returnedAt" IS NULL AND "dueAt" < ${at}) AS "overdueLoans",
      (SELECT COALESCE(SUM("amountCents" - "paidCents" - "waivedCents"), 0) FROM "Fine" WHERE "patronId" = u."id" AND "settledAt" IS NULL) AS "unpaidFinesCents"
    FROM "User" u JOIN "PatronCategory" c ON c."id" = u."categoryId"
    WHERE u."id" = ${patronId}`);
  return {
    id: row.id,
    name: row.name,
    cardNumber: row.cardNumber,
    // SQLite hands raw booleans and dates back as 0/1 and ISO text.
    keepHistory: Boolean(row.keepHistory),
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
    standing: {
      status: row.status,
      blockedReason: row.blockedReason,
      expiresAt: row.expiresAt === null ? null : new Date(row.expiresAt),
      openLoans: Number(row.openLoans),
      overdueLoans: Number(row.overdueLoans),
      unpaidFinesCents: Number(row.unpaidFinesCents),
    },
  };
}

type StandingRow = CirculationPolicy & {
  id: number;
  name: string;
  cardNumber: string;
  keepHistory: boolean | number;
  status: PatronStanding["status"];
  blockedReason: string | null;
  expiresAt: Date | string | null;
  openLoans: number | bigint;
  overdueLoans: number | bigint;
  unpaidFinesCents: number | bigint | string;
};
