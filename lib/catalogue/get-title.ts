import { db } from "@/lib/db";
import type { CopyStatus } from "@/lib/generated/sqlite/enums";
import { Prisma } from "@/lib/generated/sqlite/client";
import { OPEN_HOLD_STATUSES } from "@/lib/holds/statuses";
import { countRows, sqlWords, toDate } from "@/lib/sql-dialect";
import type { AvailabilityInput, CopyCounts } from "./availability";

export type TitleCopy = {
  id: number;
  barcode: string;
  shelfLocation: string;
  status: CopyStatus;
  dueAt: Date | null;
  /** Its item type's name ("DVD"), and whether that type is for use in the library only. */
  itemType: { name: string; notForLoan: boolean };
};

export type TitleDetails = {
  id: number;
  title: string;
  subtitle: string | null;
  originalTitle: string | null;
  isbn13: string | null;
  publisher: string | null;
  year: number | null;
  language: string | null;
  description: string | null;
  pageCount: number | null;
  coverPath: string | null;
  withdrawn: boolean;
  authors: { id: number; name: string }[];
  genres: { id: number; name: string; slug: string }[];
  /** The copies a patron may ask for: withdrawn ones are left out. */
  copies: TitleCopy[];
  availability: AvailabilityInput;
};

type TitleRow = Omit<TitleDetails, "withdrawn" | "authors" | "genres" | "copies" | "availability"> & { withdrawnAt: Date | string | null };
type CopyRow = { id: number; barcode: string; shelfLocation: string; status: CopyStatus; dueAt: Date | string | null; itemTypeName: string; notForLoan: boolean | number };

/** Everything the title page shows, or null for an unknown id: fixed raw statements (decision 020), as the catalogue's busiest page. */
export async function getTitle(id: number): Promise<TitleDetails | null> {
  const [titles, authors, genres, copyRows, openHolds] = await Promise.all([
    db.$queryRaw<TitleRow[]>(Prisma.sql`
      SELECT t."id", t."title", t."subtitle", t."originalTitle", t."isbn13", t."publisher", t."year", t."language", t."description", t."pageCount", t."coverPath", t."withdrawnAt"
      FROM "Title" t WHERE t."id" = ${id}`),
    db.$queryRaw<{ id: number; name: string }[]>(Prisma.sql`
      SELECT a."id", a."name" FROM "TitleAuthor" ta JOIN "Author" a ON a."id" = ta."authorId" WHERE ta."titleId" = ${id} ORDER BY ta."position" ASC`),
    db.$queryRaw<{ id: number; name: string; slug: string }[]>(Prisma.sql`
      SELECT g."id", g."name", g."slug" FROM "TitleGenre" tg JOIN "Genre" g ON g."id" = tg."genreId" WHERE tg."titleId" = ${id} ORDER BY g."name" ASC`),
    db.$queryRaw<CopyRow[]>(Prisma.sql`
      SELECT c."id", c."barcode", c."shelfLocation", c."status", it."name" AS "itemTypeName", it."notForLoan",
        (SELECT MIN(l."dueAt") FROM "Loan" l WHERE l."copyId" = c."id" AND l."returnedAt" IS NULL) AS "dueAt"
      FROM "Copy" c JOIN "ItemType" it ON it."code" = c."itemTypeCode"
      WHERE c."titleId" = ${id} AND c."status" <> 'WITHDRAWN' ORDER BY c."barcode" ASC`),
    countRows(db, Prisma.sql`
      SELECT COUNT(*) AS n FROM "Hold" h WHERE h."titleId" = ${id} AND h."status" IN (${sqlWords(OPEN_HOLD_STATUSES)})`),
  ]);
  const title = titles[0];
  if (!title) return null;

  const copies: TitleCopy[] = copyRows.map((c) => ({
    id: Number(c.id),
    barcode: c.barcode,
    shelfLocation: c.shelfLocation,
    status: c.status,
    dueAt: toDate(c.dueAt),
    itemType: { name: c.itemTypeName, notForLoan: Boolean(c.notForLoan) },
  }));
  const counts: CopyCounts = {};
  for (const copy of copies) counts[copy.status] = (counts[copy.status] ?? 0) + 1;
  const dueDates = copies.flatMap((c) => (c.dueAt ? [c.dueAt] : [])).sort((a, b) => a.getTime() - b.getTime());
  const orNull = (n: number | null) => (n === null ? null : Number(n));

  return {
    id: Number(title.id),
    title: title.title,
    subtitle: title.subtitle,
    originalTitle: title.originalTitle,
    isbn13: title.isbn13,
    publisher: title.publisher,
    year: orNull(title.year),
    language: title.language,
    description: title.description,
    pageCount: orNull(title.pageCount),
    coverPath: title.coverPath,
    withdrawn: title.withdrawnAt !== null,
    authors: authors.map((a) => ({ id: Number(a.id), name: a.name })),
    genres: genres.map((g) => ({ id: Number(g.id), name: g.name, slug: g.slug })),
    copies,
    availability: { copies: counts, openHolds, nextDueAt: dueDates[0] ?? null },
  };
}
