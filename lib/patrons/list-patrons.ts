import { standingColumns, standingCounts, type StandingCounts } from "../circulation/patron-standing";
import { now } from "../clock";
import { db } from "../db";
import { Prisma } from "../generated/sqlite/client";
import { countRows, toDate } from "../sql-dialect";
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

type Raw = Omit<PatronRow, "id" | "expiresAt" | "loans" | "overdue" | "holds" | "finesOwedCents"> &
  Record<keyof StandingCounts, number | bigint | string> & { id: number | bigint; expiresAt: unknown };

function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * One page of every account with its borrowing status: the standing the circulation lock reads
 * (patron-standing.ts), as columns of every account, so a page costs two queries however many
 * patrons it shows, and the table can sort and filter on those counts in the database.
 */
export async function listPatrons(options: PatronListOptions): Promise<PatronPage> {
  const at = now();
  const from = Prisma.sql`
    FROM (
      SELECT u."id", u."name", u."email", u."cardNumber", u."role", u."status", u."blockedReason", u."expiresAt", u."categoryId", ${standingColumns(at)}
      FROM "User" u
    ) s
    JOIN "PatronCategory" c ON c."id" = s."categoryId"`;

  const conditions: Prisma.Sql[] = [];
  if (options.q) {
    const like = likePattern(options.q);
    conditions.push(
      Prisma.sql`(LOWER(s."name") LIKE ${like} ESCAPE '\\' OR s."email" LIKE ${like} ESCAPE '\\' OR LOWER(s."cardNumber") LIKE ${like} ESCAPE '\\')`,
    );
  }
  if (options.status) conditions.push(Prisma.sql`CAST(s."status" AS TEXT) = ${options.status}`);
  if (options.category) conditions.push(Prisma.sql`c."code" = ${options.category}`);
  if (options.filter === "overdue") conditions.push(Prisma.sql`s."overdueLoans" > 0`);
  if (options.filter === "fines") conditions.push(Prisma.sql`s."unpaidFinesCents" > 0`);
  if (options.filter === "expired") conditions.push(Prisma.sql`s."expiresAt" IS NOT NULL AND s."expiresAt" <= ${at}`);
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;

  const total = await countRows(db, Prisma.sql`SELECT COUNT(*) AS "n" ${from} ${where}`);
  const pageCount = Math.ceil(total / PATRON_PAGE_SIZE);
  const page = Math.max(1, Math.min(options.page, pageCount));
  if (total === 0) return { rows: [], total, page: 1, pageCount: 0 };

  const rows = await db.$queryRaw<Raw[]>(Prisma.sql`
    SELECT s."id", s."name", s."email", s."cardNumber", CAST(s."role" AS TEXT) AS "role", c."name" AS "category",
      CAST(s."status" AS TEXT) AS "status", s."blockedReason", s."expiresAt",
      s."openLoans", s."overdueLoans", s."unpaidFinesCents", s."openHolds"
    ${from} ${where}
    ORDER BY ${orderBy(options)}
    LIMIT ${PATRON_PAGE_SIZE} OFFSET ${(page - 1) * PATRON_PAGE_SIZE}`);

  return {
    rows: rows.map((r) => {
      const counts = standingCounts(r);
      return {
      id: Number(r.id),
      name: r.name,
      email: r.email,
      cardNumber: r.cardNumber,
      role: r.role,
      category: r.category,
      status: r.status,
      blockedReason: r.blockedReason,
      expiresAt: toDate(r.expiresAt),
      loans: counts.openLoans,
      overdue: counts.overdueLoans,
      holds: counts.openHolds,
      finesOwedCents: counts.unpaidFinesCents,
      };
    }),
    total,
    page,
    pageCount,
  };
}

function orderBy(options: PatronListOptions): Prisma.Sql {
  const dir = options.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const key: Record<PatronListOptions["sort"], Prisma.Sql> = {
    name: Prisma.sql`s."name"`,
    card: Prisma.sql`s."cardNumber"`,
    email: Prisma.sql`s."email"`,
    category: Prisma.sql`c."name"`,
    loans: Prisma.sql`s."openLoans"`,
    overdue: Prisma.sql`s."overdueLoans"`,
    holds: Prisma.sql`s."openHolds"`,
    fines: Prisma.sql`s."unpaidFinesCents"`,
    // Cards without an end date sort after every dated one, either way.
    expires: Prisma.sql`CASE WHEN s."expiresAt" IS NULL THEN 1 ELSE 0 END ASC, s."expiresAt"`,
  };
  return Prisma.sql`${key[options.sort]} ${dir}, s."id" ${dir}`;
}
