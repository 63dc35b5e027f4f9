import { db } from "../db";
import { Prisma } from "../generated/sqlite/client";
import type { CopyStatus } from "../generated/sqlite/enums";
import { parseQuery } from "../search/parse-query";
import { titleQuery } from "../search/title-query";
import { countRows, titleMatches } from "../sql-dialect";
import { now } from "../clock";
import { normaliseCode } from "../codes";
import { INVENTORY_PAGE_SIZE, type InventoryOptions } from "./inventory-options";
import { titleSummary, type TitleSummaryRow } from "./title-summary";

export type InventoryRow = {
  id: number;
  title: string;
  subtitle: string | null;
  authorNames: string;
  genreNames: string;
  isbn13: string | null;
  year: number | null;
  coverPath: string | null;
  withdrawn: boolean;
  /** Copies not withdrawn. */
  copies: number;
  available: number;
  loansLastYear: number;
};

export type InventoryPage = { rows: InventoryRow[]; total: number; page: number; pageCount: number };

type Filter = Pick<InventoryOptions, "q" | "genre" | "status">;

/**
 * The conditions of the inventory (and of the CSV export of a filtered view) over `"Title" t`.
 * Words go through the full-text index (FTS5 on SQLite, the tsvector on PostgreSQL); an ISBN
 * in any form finds its title exactly, and a copy's barcode (scanned or typed, any case) its title.
 * Null when the words hold nothing searchable.
 */
export function inventoryConditions(filter: Filter): Prisma.Sql[] | null {
  const conditions: Prisma.Sql[] = [];
  const parsed = parseQuery(filter.q);
  const { isbn13, match } = titleQuery(parsed);
  if (isbn13) conditions.push(Prisma.sql`t."isbn13" = ${isbn13}`);
  else if (parsed.text) {
    const barcode = normaliseCode(parsed.text);
    const byBarcode = Prisma.sql`t."id" IN (SELECT c."titleId" FROM "Copy" c WHERE c."barcode" = ${barcode})`;
    if (match === null) conditions.push(byBarcode);
    else conditions.push(Prisma.sql`(${titleMatches(match, "planless")} OR ${byBarcode})`);
  }
  if (filter.genre) {
    conditions.push(Prisma.sql`t."id" IN (SELECT tg."titleId" FROM "TitleGenre" tg JOIN "Genre" g ON g."id" = tg."genreId" WHERE g."slug" = ${filter.genre})`);
  }
  if (filter.status === "current") conditions.push(Prisma.sql`t."withdrawnAt" IS NULL`);
  if (filter.status === "withdrawn") conditions.push(Prisma.sql`t."withdrawnAt" IS NOT NULL`);
  if (filter.status === "damaged" || filter.status === "lost") {
    const status = filter.status === "damaged" ? "DAMAGED" : "LOST";
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "Copy" c WHERE c."titleId" = t."id" AND c."status" = ${status})`);
  }
  return conditions;
}

function inventoryWhere(filter: Filter): Prisma.Sql | null {
  const conditions = inventoryConditions(filter);
  if (conditions === null) return null;
  return conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

function orderBy(options: InventoryOptions): Prisma.Sql {
  const dir = options.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  switch (options.sort) {
    case "title":
      return Prisma.sql`t."sortTitle" ${dir}, t."id" ${dir}`;
    case "author":
      return Prisma.sql`t."authorNames" ${dir}, t."sortTitle" ${dir}, t."id" ${dir}`;
    case "isbn":
      return Prisma.sql`t."isbn13" ${dir}, t."id" ${dir}`;
    case "year":
      return Prisma.sql`t."year" ${dir}, t."id" ${dir}`;
    case "added":
      return Prisma.sql`t."createdAt" ${dir}, t."id" ${dir}`;
  }
}

type Row = TitleSummaryRow & { genreNames: string; isbn13: string | null; withdrawnAt: unknown };

const YEAR_MS = 365 * 86_400_000;

/**
 * A page of the staff inventory: the page's titles in one query (plus its count), then their
 * copies and last year's loans in one query each, whatever the page size.
 */
export async function listInventory(options: InventoryOptions): Promise<InventoryPage> {
  const where = inventoryWhere(options);
  if (where === null) return { rows: [], total: 0, page: 1, pageCount: 0 };
  const total = await countRows(db, Prisma.sql`SELECT COUNT(*) AS n FROM "Title" t ${where}`);
  const pageCount = Math.ceil(total / INVENTORY_PAGE_SIZE);
  const page = Math.max(1, Math.min(options.page, pageCount));
  const rows = total
    ? await db.$queryRaw<Row[]>(Prisma.sql`
      SELECT t."id", t."title", t."subtitle", t."authorNames", t."genreNames", t."isbn13", t."year", t."coverPath", t."withdrawnAt"
      FROM "Title" t ${where} ORDER BY ${orderBy(options)}
      LIMIT ${INVENTORY_PAGE_SIZE} OFFSET ${(page - 1) * INVENTORY_PAGE_SIZE}`)
    : [];
  const ids = rows.map((r) => Number(r.id));
  const counts = await copyAndLoanCounts(ids);
  return {
    rows: rows.map((r) => {
      const id = Number(r.id);
      return {
        ...titleSummary(r),
        genreNames: r.genreNames,
        isbn13: r.isbn13,
        withdrawn: r.withdrawnAt !== null,
        ...(counts.get(id) ?? { copies: 0, available: 0, loansLastYear: 0 }),
      };
    }),
    total,
    page,
    pageCount,
  };
}

async function copyAndLoanCounts(titleIds: number[]) {
  const counts = new Map(titleIds.map((id) => [id, { copies: 0, available: 0, loansLastYear: 0 }]));
  if (titleIds.length === 0) return counts;
  const copies = await db.copy.findMany({ where: { titleId: { in: titleIds } }, select: { id: true, titleId: true, status: true } });
  const titleOfCopy = new Map<number, number>();
  for (const c of copies) {
    titleOfCopy.set(c.id, c.titleId);
    const entry = counts.get(c.titleId)!;
    if (c.status !== ("WITHDRAWN" satisfies CopyStatus)) entry.copies += 1;
    if (c.status === "AVAILABLE") entry.available += 1;
  }
  if (copies.length === 0) return counts;
  // Prisma compares the dates: SQLite stores them as ISO text, PostgreSQL as timestamps.
  const loans = await db.loan.groupBy({
    by: ["copyId"],
    where: { copyId: { in: copies.map((c) => c.id) }, checkedOutAt: { gte: new Date(now().getTime() - YEAR_MS) } },
    _count: { _all: true },
  });
  for (const l of loans) counts.get(titleOfCopy.get(l.copyId)!)!.loansLastYear += l._count._all;
  return counts;
}
