import { db } from "@/lib/db";
import type { CopyStatus } from "@/lib/generated/sqlite/enums";
import { OPEN_HOLD_STATUSES } from "@/lib/holds/statuses";
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

/** Everything the title page shows, or null for an unknown id. */
export async function getTitle(id: number): Promise<TitleDetails | null> {
  const title = await db.title.findUnique({
    where: { id },
    include: {
      authors: { orderBy: { position: "asc" }, include: { author: true } },
      genres: { include: { genre: true }, orderBy: { genre: { name: "asc" } } },
      copies: {
        where: { status: { not: "WITHDRAWN" } },
        orderBy: { barcode: "asc" },
        include: { loans: { where: { returnedAt: null }, select: { dueAt: true } }, itemType: { select: { name: true, notForLoan: true } } },
      },
    },
  });
  if (!title) return null;

  const openHolds = await db.hold.count({ where: { titleId: id, status: { in: [...OPEN_HOLD_STATUSES] } } });
  const counts: CopyCounts = {};
  for (const copy of title.copies) counts[copy.status] = (counts[copy.status] ?? 0) + 1;
  const dueDates = title.copies.flatMap((c) => c.loans.map((l) => l.dueAt)).sort((a, b) => a.getTime() - b.getTime());

  return {
    id: title.id,
    title: title.title,
    subtitle: title.subtitle,
    originalTitle: title.originalTitle,
    isbn13: title.isbn13,
    publisher: title.publisher,
    year: title.year,
    language: title.language,
    description: title.description,
    pageCount: title.pageCount,
    coverPath: title.coverPath,
    withdrawn: title.withdrawnAt !== null,
    authors: title.authors.map((a) => ({ id: a.author.id, name: a.author.name })),
    genres: title.genres.map((g) => ({ id: g.genre.id, name: g.genre.name, slug: g.genre.slug })),
    copies: title.copies.map((c) => ({
      id: c.id,
      barcode: c.barcode,
      shelfLocation: c.shelfLocation,
      status: c.status,
      dueAt: c.loans[0]?.dueAt ?? null,
      itemType: c.itemType,
    })),
    availability: { copies: counts, openHolds, nextDueAt: dueDates[0] ?? null },
  };
}
