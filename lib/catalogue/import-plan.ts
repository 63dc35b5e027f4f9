import type { Tx } from "../db";
import type { CsvBadRow, CsvTitle, ParsedCsv } from "./catalogue-csv";
import type { ExistingRecord } from "./import-changes";

export type ExistingTitle = ExistingRecord & { id: number; copies: number; withdrawn: boolean };
export type ImportPlan = { adds: CsvTitle[]; updates: { row: CsvTitle; existing: ExistingTitle }[]; bad: CsvBadRow[] };

type Reader = Pick<Tx, "title" | "copy">;

const CHUNK = 500;

/**
 * Sorts the valid rows into titles to add and titles to update (same ISBN as a catalogued one),
 * and refuses a second row with an ISBN already on an earlier line, and one that would give a
 * withdrawn title new copies (an import never brings a title back: restoring one is done on its
 * page, audited). A row updating a withdrawn title's record leaves it withdrawn. Reads the catalogue in
 * chunks of ISBNs: a few queries for thousands of rows.
 */
export async function planImport(client: Reader, parsed: ParsedCsv): Promise<ImportPlan> {
  const bad = [...parsed.bad];
  const firstLine = new Map<string, number>();
  const rows: CsvTitle[] = [];
  for (const row of parsed.rows) {
    const isbn = row.input.isbn;
    const earlier = isbn ? firstLine.get(isbn) : undefined;
    if (earlier !== undefined) {
      bad.push({ line: row.line, reason: `isbn: the same ISBN is already on line ${earlier}.` });
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
  const plan: ImportPlan = { adds: [], updates: [], bad };
  for (const row of rows) {
    const match = row.input.isbn ? existing.get(row.input.isbn) : undefined;
    if (match?.withdrawn && row.copies > match.copies) plan.bad.push({ line: row.line, reason: `isbn: “${match.title}” is withdrawn and takes no new copies. Restore it from its page first, or leave copies empty.` });
    else if (match) plan.updates.push({ row, existing: match });
    else plan.adds.push(row);
  }
  plan.bad.sort((a, b) => a.line - b.line);
  return plan;
}
