import { db } from "../db";
import { Prisma } from "../generated/sqlite/client";
import { catalogueCsv, type CsvOutRow } from "./catalogue-csv";
import type { InventoryOptions } from "./inventory-options";
import { inventoryConditions } from "./list-inventory";

const CHUNK = 1_000;

type Row = { id: number | bigint; title: string; subtitle: string | null; isbn13: string | null; publisher: string | null; year: number | bigint | null; language: string | null; description: string | null; pageCount: number | bigint | null };

/**
 * The catalogue, or the inventory's filtered view, as CSV text in chunks of a thousand titles
 * (walked by id, so memory stays flat whatever the size). Same columns as the import reads:
 * `copies` counts the copies not withdrawn, `shelf_location` is the first one's.
 */
export async function* exportCatalogue(filter: Pick<InventoryOptions, "q" | "genre" | "status">): AsyncGenerator<string> {
  const conditions = inventoryConditions(filter);
  yield catalogueCsv([], true);
  if (conditions === null) return;
  let after = 0;
  for (;;) {
    const rows = await db.$queryRaw<Row[]>(Prisma.sql`
      SELECT t."id", t."title", t."subtitle", t."isbn13", t."publisher", t."year", t."language", t."description", t."pageCount"
      FROM "Title" t WHERE ${Prisma.join([...conditions, Prisma.sql`t."id" > ${after}`], " AND ")} ORDER BY t."id" LIMIT ${CHUNK}`);
    if (rows.length === 0) return;
    const ids = rows.map((r) => Number(r.id));
    after = ids[ids.length - 1];
    const [authors, genres, copies] = await Promise.all([
      db.titleAuthor.findMany({ where: { titleId: { in: ids } }, orderBy: [{ titleId: "asc" }, { position: "asc" }], select: { titleId: true, author: { select: { name: true } } } }),
      db.titleGenre.findMany({ where: { titleId: { in: ids } }, select: { titleId: true, genre: { select: { name: true } } }, orderBy: { genre: { name: "asc" } } }),
      db.copy.findMany({ where: { titleId: { in: ids }, status: { not: "WITHDRAWN" } }, select: { titleId: true, shelfLocation: true }, orderBy: { id: "asc" } }),
    ]);
    const group = <T extends { titleId: number }>(items: T[]) => {
      const map = new Map<number, T[]>();
      for (const item of items) {
        const list = map.get(item.titleId);
        if (list) list.push(item);
        else map.set(item.titleId, [item]);
      }
      return map;
    };
    const authorsOf = group(authors);
    const genresOf = group(genres);
    const copiesOf = group(copies);
    const out: CsvOutRow[] = rows.map((r) => {
      const id = Number(r.id);
      const own = copiesOf.get(id) ?? [];
      return {
        title: r.title,
        subtitle: r.subtitle,
        authors: (authorsOf.get(id) ?? []).map((a) => a.author.name),
        isbn13: r.isbn13,
        publisher: r.publisher,
        year: r.year === null ? null : Number(r.year),
        language: r.language,
        genres: (genresOf.get(id) ?? []).map((g) => g.genre.name),
        description: r.description,
        pageCount: r.pageCount === null ? null : Number(r.pageCount),
        copies: own.length,
        shelfLocation: own[0]?.shelfLocation ?? "",
      };
    });
    yield catalogueCsv(out, false);
    if (rows.length < CHUNK) return;
  }
}
