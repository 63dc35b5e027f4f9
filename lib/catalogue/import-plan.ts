import type { Tx } from "../db";
import { IN_LIST_CHUNK } from "../sql-dialect";
import type { CsvBadRow, CsvTitle, ParsedCsv } from "./catalogue-csv";
import type { ExistingRecord } from "./import-changes";

export type ExistingTitle = ExistingRecord & { id: number; copies: number; withdrawn: boolean };
/** A copy the import adds: with the barcode its MARC holding gives, or the next generated one. */
export type NewCopy = { barcode: string | null; shelfLocation: string };
export type ImportPlan = {
  adds: { row: CsvTitle; newCopies: NewCopy[] }[];
  updates: { row: CsvTitle; existing: ExistingTitle; newCopies: NewCopy[] }[];
  bad: CsvBadRow[];
};

type Reader = Pick<Tx, "title" | "copy">;

const CHUNK = IN_LIST_CHUNK;

/**
 * Sorts the valid rows into titles to add and titles to update (same ISBN as a catalogued one),
 * and refuses a second row with an ISBN already on an earlier line, and one that would give a
 * withdrawn title new copies (an import never brings a title back: restoring one is done on its
 * page, audited). A row updating a withdrawn title's record leaves it withdrawn. Reads the catalogue in
 * chunks of ISBNs: a few queries for thousands of rows.
 *
 * A CSV row asks for at least `copies` copies. A MARC record lists its copies: one whose barcode
 * is already the title's is there, one whose barcode is another title's (or on another record of
 * the file) refuses the record, and those without a barcode fill up to the record's count.
 */
export async function planImport(client: Reader, parsed: ParsedCsv, unit: "line" | "record" = "line"): Promise<ImportPlan> {
  const bad = [...parsed.bad];
  const firstLine = new Map<string, number>();
  const rows: CsvTitle[] = [];
  for (const row of parsed.rows) {
    const isbn = row.input.isbn;
    const earlier = isbn ? firstLine.get(isbn) : undefined;
    if (earlier !== undefined) {
      bad.push({ line: row.line, reason: `isbn: the same ISBN is already on ${unit} ${earlier}.` });
      continue;
    }
    if (isbn) firstLine.set(isbn, row.line);
    rows.push(row);
  }
  const isbns = [...firstLine.keys()];
  const existing = new Map<string, ExistingTitle>();
  for (let i = 0; i < isbns.length; i += CHUNK) {
    const titles = await client.title.findMany({
      where: { isbn13: { in: isbns.slice(i, i + CHUNK) } },
      select: { id: true, title: true, subtitle: true, isbn13: true, authorNames: true, genreNames: true, publisher: true, year: true, language: true, pageCount: true, description: true, withdrawnAt: true },
    });
    const copies = titles.length
      ? await client.copy.groupBy({ by: ["titleId"], where: { titleId: { in: titles.map((t) => t.id) }, status: { not: "WITHDRAWN" } }, _count: { _all: true } })
      : [];
    const copyCount = new Map(copies.map((c) => [c.titleId, c._count._all]));
    for (const t of titles) {
      const { isbn13, withdrawnAt, ...record } = t;
      existing.set(isbn13!, { ...record, copies: copyCount.get(t.id) ?? 0, withdrawn: withdrawnAt !== null });
    }
  }
  const holders = await barcodeHolders(client, rows);
  const plan: ImportPlan = { adds: [], updates: [], bad };
  const barcodeLine = new Map<string, number>();
  for (const row of rows) {
    const match = row.input.isbn ? existing.get(row.input.isbn) : undefined;
    const problems: string[] = [];
    let newCopies: NewCopy[];
    if (row.items) {
      const present: string[] = [];
      const barcoded: NewCopy[] = [];
      for (const item of row.items) {
        if (!item.barcode) continue;
        const holder = holders.get(item.barcode);
        const earlier = barcodeLine.get(item.barcode);
        if (earlier !== undefined && earlier !== row.line) problems.push(`barcode ${item.barcode}: also on record ${earlier}.`);
        else if (earlier === row.line) problems.push(`barcode ${item.barcode}: twice in the record.`);
        else if (holder && holder.titleId !== match?.id) problems.push(`barcode ${item.barcode}: already a copy of “${holder.title}”.`);
        else if (holder) present.push(item.barcode);
        else barcoded.push(item);
        barcodeLine.set(item.barcode, row.line);
      }
      const unbarcoded = row.items.filter((i) => !i.barcode);
      const wanted = Math.max(0, row.items.length - (match?.copies ?? 0) - barcoded.length);
      newCopies = [...barcoded, ...unbarcoded.slice(0, match ? Math.min(unbarcoded.length, wanted) : unbarcoded.length)];
    } else {
      const count = Math.max(0, row.copies - (match?.copies ?? 0));
      newCopies = Array.from({ length: count }, () => ({ barcode: null, shelfLocation: row.shelfLocation }));
    }
    if (match?.withdrawn && newCopies.length > 0) problems.push(`isbn: “${match.title}” is withdrawn and takes no new copies. Restore it from its page first, or leave copies empty.`);
    if (problems.length > 0) plan.bad.push({ line: row.line, reason: problems.join(" ") });
    else if (match) plan.updates.push({ row, existing: match, newCopies });
    else plan.adds.push({ row, newCopies });
  }
  plan.bad.sort((a, b) => a.line - b.line);
  return plan;
}

/** The titles that already hold the barcodes the file's MARC holdings give. */
async function barcodeHolders(client: Reader, rows: CsvTitle[]): Promise<Map<string, { titleId: number; title: string }>> {
  const barcodes = [...new Set(rows.flatMap((r) => (r.items ?? []).flatMap((i) => (i.barcode ? [i.barcode] : []))))];
  const found: { barcode: string; titleId: number }[] = [];
  for (let i = 0; i < barcodes.length; i += CHUNK) {
    found.push(...(await client.copy.findMany({ where: { barcode: { in: barcodes.slice(i, i + CHUNK) } }, select: { barcode: true, titleId: true } })));
  }
  // The names only of the titles found (few: a file of new copies finds none).
  const titleIds = [...new Set(found.map((c) => c.titleId))];
  const names = new Map<number, string>();
  for (let i = 0; i < titleIds.length; i += CHUNK) {
    for (const t of await client.title.findMany({ where: { id: { in: titleIds.slice(i, i + CHUNK) } }, select: { id: true, title: true } })) names.set(t.id, t.title);
  }
  return new Map(found.map((c) => [c.barcode, { titleId: c.titleId, title: names.get(c.titleId) ?? "" }]));
}
