import Papa from "papaparse";
import { csvText, FORMULA_START } from "../csv";
import { DomainError, isDomainError } from "../errors";
import { parseInput } from "../validation";
import { splitNames, titleSchema, type TitleInput } from "./schemas";

// The Stacks catalogue CSV, read by the import and written by the export. Authors and genres
// are separated by ";" within their cell; `copies` is how many copies the title should have at
// least (an import adds the missing ones on `shelf_location`, and never removes any).

export const CSV_COLUMNS = ["title", "subtitle", "authors", "isbn", "publisher", "year", "language", "genres", "description", "pages", "copies", "shelf_location", "original_title"] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export type CsvRecord = Record<CsvColumn, string>;

export const MAX_IMPORT_ROWS = 50_000;
export const MAX_COPIES_PER_ROW = 100;

/** A row that passed validation: the title as the form would save it, and its copies. */
export type CsvTitle = {
  line: number;
  input: TitleInput;
  /** Which optional cells were filled: an update leaves the empty ones as they are. */
  filled: Set<CsvColumn>;
  copies: number;
  shelfLocation: string;
  /** A MARC record's holdings, one per copy (with its barcode when given); a CSV row has none. */
  items?: { barcode: string | null; shelfLocation: string }[];
};
export type CsvBadRow = { line: number; reason: string };
export type ParsedCsv = { rows: CsvTitle[]; bad: CsvBadRow[] };

/** The export quotes formulae with "'" (lib/csv.ts); an import of its file reads them back. */
function unquoteFormula(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/**
 * Reads a catalogue CSV: each data row validated on its own, bad ones with their line number in
 * the file (the header is line 1; a quoted cell spanning lines counts them all). Throws a
 * DomainError when the file as a whole cannot be read.
 */
export function parseCatalogueCsv(text: string): ParsedCsv {
  const rows: CsvTitle[] = [];
  const bad: CsvBadRow[] = [];
  // One kind of line break, so that a file saved with mixed ones still splits into its rows.
  const source = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  let header: string[] | null = null;
  let consumed = 0;
  let line = 1;
  let count = 0;
  let fileError: string | null = null;
  Papa.parse<string[]>(source, {
    newline: "\n",
    step(result, parser) {
      const startLine = line;
      const end = result.meta.cursor;
      for (let i = consumed; i < end; i++) if (source.charCodeAt(i) === 10) line++;
      consumed = end;
      // The step's cursor stops before the row's line break; count it with the next row.
      if (source.charCodeAt(end) === 10) {
        line++;
        consumed++;
      }
      const cells = result.data;
      if (header === null) {
        header = cells.map((c) => c.trim().toLowerCase());
        const missing = header.includes("title") ? null : "The file has no “title” column.";
        const unknown = header.filter((h) => h && !(CSV_COLUMNS as readonly string[]).includes(h));
        if (missing || unknown.length) {
          fileError = `${missing ?? `Unknown columns: ${unknown.join(", ")}.`} The columns are: ${CSV_COLUMNS.join(", ")}.`;
          parser.abort();
        }
        return;
      }
      if (cells.every((c) => c.trim() === "")) return;
      if (++count > MAX_IMPORT_ROWS) {
        fileError = `The file has more than ${MAX_IMPORT_ROWS.toLocaleString("en-US")} rows. Split it and import each part.`;
        parser.abort();
        return;
      }
      const record = Object.fromEntries(CSV_COLUMNS.map((c) => [c, ""])) as CsvRecord;
      header.forEach((name, i) => {
        if ((CSV_COLUMNS as readonly string[]).includes(name)) record[name as CsvColumn] = unquoteFormula((cells[i] ?? "").trim());
      });
      const checked = checkRecord(record, startLine);
      if ("reason" in checked) bad.push(checked);
      else rows.push(checked);
    },
  });
  if (fileError) throw new DomainError("INVALID_INPUT", fileError, { file: fileError });
  if (header === null) throw new DomainError("INVALID_INPUT", "The file is empty.", { file: "The file is empty." });
  return { rows, bad };
}

/** A row's every problem, in column order, so that one pass through the file fixes it. */
export function checkRecord(record: CsvRecord, line: number): CsvTitle | CsvBadRow {
  const problems: string[] = [];
  const copies = record.copies === "" ? 0 : Number(record.copies);
  if (!Number.isInteger(copies) || copies < 0 || copies > MAX_COPIES_PER_ROW) problems.push(`copies: use a whole number from 0 to ${MAX_COPIES_PER_ROW}.`);
  if (record.shelf_location.length > 100) problems.push("shelf_location: at most 100 characters.");
  let input: TitleInput | null = null;
  try {
    input = parseInput(titleSchema, {
      title: record.title,
      subtitle: record.subtitle,
      originalTitle: record.original_title,
      authors: splitNames(record.authors, /;/),
      genres: splitNames(record.genres, /;/),
      isbn: record.isbn,
      publisher: record.publisher,
      year: record.year,
      language: record.language,
      pages: record.pages,
      description: record.description,
    });
  } catch (e) {
    if (!isDomainError(e)) throw e;
    problems.unshift(...Object.entries(e.fields ?? {}).map(([field, message]) => `${field}: ${message}`));
  }
  if (input === null || problems.length > 0) return { line, reason: problems.join(" ") };
  const filled = new Set(CSV_COLUMNS.filter((c) => record[c] !== ""));
  return { line, input, filled, copies, shelfLocation: record.shelf_location };
}

/** One title as a CSV record, for the export. */
export type CsvOutRow = {
  title: string;
  subtitle: string | null;
  originalTitle: string | null;
  authors: string[];
  isbn13: string | null;
  publisher: string | null;
  year: number | null;
  language: string | null;
  genres: string[];
  description: string | null;
  pageCount: number | null;
  copies: number;
  shelfLocation: string;
};

/** CSV text for these rows, with the header line when asked (the export streams in chunks). */
export function catalogueCsv(rows: CsvOutRow[], withHeader: boolean): string {
  const data = rows.map((r) => [r.title, r.subtitle, r.authors.join("; "), r.isbn13, r.publisher, r.year, r.language, r.genres.join("; "), r.description, r.pageCount, r.copies, r.shelfLocation, r.originalTitle]);
  const text = csvText(CSV_COLUMNS, data, { header: withHeader }).replace(/(\r\n)+$/, "");
  return text ? `${text}\r\n` : "";
}
