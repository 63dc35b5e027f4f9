import { now } from "../clock";
import { db } from "../db";
import { Prisma } from "../generated/sqlite/client";
import { toDate } from "../sql-dialect";
import { PATRON_PAGE_SIZE, type PatronListOptions } from "./patron-list-options";

export type PatronRow = {
  id: number;
  name: string;
  email: string;
  cardNumber: string;
  role: string;
  category: string;
  status: "ACTIVE" | "BLOCKED";
  blockedReason: string | null;
  expiresAt: Date | null;
  loans: number;
  overdue: number;
  holds: number;
  finesOwedCents: number;
};

export type PatronPage = { rows: PatronRow[]; total: number; page: number; pageCount: number };

type Raw = Omit<PatronRow, "id" | "expiresAt" | "loans" | "overdue" | "holds" | "finesOwedCents"> & {
  id: number | bigint;
  expiresAt: unknown;
  loans: number | bigint;
  overdue: number | bigint;
  holds: number | bigint;
  owed: number | bigint;
};

function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * One page of every account with its borrowing status. The counts come from three grouped
 * subqueries joined to the users (open loans and overdue ones, open holds, unpaid fines), so
 * a page costs two queries however many patrons it shows, and the table can sort and filter
 * on those counts in the database.
 */
export async function listPatrons(options: PatronListOptions): Promise<PatronPage> {
  const at = now();
  const from = Prisma.sql`
    FROM "User" u
    JOIN "PatronCategory" c ON c."id" = u."categoryId"
    LEFT JOIN (
      SELECT "patronId", COUNT(*) AS "loans", SUM(CASE WHEN "dueAt" < ${at} THEN 1 ELSE 0 END) AS "overdue"
      FROM "Loan" WHERE "returnedAt" IS NULL AND "patronId" IS NOT NULL GROUP BY "patronId"
    ) l ON l."patronId" = u."id"
    LEFT JOIN (
      SELECT "patronId", COUNT(*) AS "holds" FROM "Hold"
      WHERE CAST("status" AS TEXT) IN ('WAITING', 'IN_PROCESS', 'READY') GROUP BY "patronId"
    ) h ON h."patronId" = u."id"
    LEFT JOIN (
      SELECT "patronId", SUM("amountCents" - "paidCents" - "waivedCents") AS "owed"
      FROM "Fine" WHERE "settledAt" IS NULL GROUP BY "patronId"
    ) f ON f."patronId" = u."id"`;

  const conditions: Prisma.Sql[] = [];
  if (options.q) {
    const like = likePattern(options.q);
    conditions.push(
      Prisma.sql`(LOWER(u."name") LIKE ${like} ESCAPE '\\' OR u."email" LIKE ${like} ESCAPE '\\' OR LOWER(u."cardNumber") LIKE ${like} ESCAPE '\\')`,
    );
  }
  if (options.status) conditions.push(Prisma.sql`CAST(u."status" AS TEXT) = ${options.status}`);
  if (options.category) conditions.push(Prisma.sql`c."code" = ${options.category}`);
  if (options.filter === "overdue") conditions.push(Prisma.sql`COALESCE(l."overdue", 0) > 0`);
  if (options.filter === "fines") conditions.push(Prisma.sql`COALESCE(f."owed", 0) > 0`);
  if (options.filter === "expired") conditions.push(Prisma.sql`u."expiresAt" IS NOT NULL AND u."expiresAt" <= ${at}`);
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;

  const [{ n }] = await db.$queryRaw<{ n: number | bigint }[]>(Prisma.sql`SELECT COUNT(*) AS "n" ${from} ${where}`);
  const total = Number(n);
  const pageCount = Math.ceil(total / PATRON_PAGE_SIZE);
  const page = Math.max(1, Math.min(options.page, pageCount));
  if (total === 0) return { rows: [], total, page: 1, pageCount: 0 };

  const rows = await db.$queryRaw<Raw[]>(Prisma.sql`
    SELECT u."id", u."name", u."email", u."cardNumber", CAST(u."role" AS TEXT) AS "role", c."name" AS "category",
      CAST(u."status" AS TEXT) AS "status", u."blockedReason", u."expiresAt",
      COALESCE(l."loans", 0) AS "loans", COALESCE(l."overdue", 0) AS "overdue",
      COALESCE(h."holds", 0) AS "holds", COALESCE(f."owed", 0) AS "owed"
    ${from} ${where}
    ORDER BY ${orderBy(options)}
    LIMIT ${PATRON_PAGE_SIZE} OFFSET ${(page - 1) * PATRON_PAGE_SIZE}`);

  return {
    rows: rows.map((r) => ({
      id: Number(r.id),
      name: r.name,
      email: r.email,
      cardNumber: r.cardNumber,
      role: r.role,
      category: r.category,
      status: r.status,
      blockedReason: r.blockedReason,
      expiresAt: toDate(r.expiresAt),
      loans: Number(r.loans),
      overdue: Number(r.overdue),
      holds: Number(r.holds),
      finesOwedCents: Number(r.owed),
    })),
    total,
    page,
    pageCount,
  };
}

function orderBy(options: PatronListOptions): Prisma.Sql {
  const dir = options.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const key: Record<PatronListOptions["sort"], Prisma.Sql> = {
    name: Prisma.sql`u."name"`,
    card: Prisma.sql`u."cardNumber"`,
    email: Prisma.sql`u."email"`,
    category: Prisma.sql`c."name"`,
    loans: Prisma.sql`COALESCE(l."loans", 0)`,
    overdue: Prisma.sql`COALESCE(l."overdue", 0)`,
    holds: Prisma.sql`COALESCE(h."holds", 0)`,
    fines: Prisma.sql`COALESCE(f."owed", 0)`,
    // Cards without an end date sort after every dated one, either way.
    expires: Prisma.sql`CASE WHEN u."expiresAt" IS NULL THEN 1 ELSE 0 END ASC, u."expiresAt"`,
  };
  return Prisma.sql`${key[options.sort]} ${dir}, u."id" ${dir}`;
}
