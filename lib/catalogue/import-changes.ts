import type { CsvColumn, CsvTitle } from "./catalogue-csv";

/** A catalogued title's record as an import by ISBN would change it. */
export type ExistingRecord = {
  title: string;
  subtitle: string | null;
  authorNames: string;
  genreNames: string;
  publisher: string | null;
  year: number | null;
  language: string | null;
  pageCount: number | null;
  description: string | null;
};

export type FieldChange = { field: CsvColumn; from: string; to: string };

const SHOWN_LENGTH = 120;

function shown(value: string | number | null): string {
  if (value === null || value === "") return "(empty)";
  const text = String(value);
  return text.length > SHOWN_LENGTH ? `${text.slice(0, SHOWN_LENGTH - 1)}…` : text;
}

/**
 * What an import row changes in the title it updates, field by field ("year: 1965 → 1966"):
 * the title always, the other fields only where the row's cell is filled (an empty cell keeps
 * what is there). Genres compare without regard to case, as the import matches genres so.
 */
export function titleChanges(existing: ExistingRecord, row: CsvTitle): FieldChange[] {
  const i = row.input;
  const candidates: [CsvColumn, string | number | null, string | number | null, boolean][] = [
    ["title", existing.title, i.title, true],
    ["subtitle", existing.subtitle, i.subtitle, row.filled.has("subtitle")],
    ["authors", existing.authorNames, i.authors.join(", "), row.filled.has("authors")],
    ["publisher", existing.publisher, i.publisher, row.filled.has("publisher")],
    ["year", existing.year, i.year, row.filled.has("year")],
    ["language", existing.language, i.language, row.filled.has("language")],
    ["genres", existing.genreNames, i.genres.join(", "), row.filled.has("genres")],
    ["description", existing.description, i.description, row.filled.has("description")],
    ["pages", existing.pageCount, i.pages, row.filled.has("pages")],
  ];
  const same = (field: CsvColumn, a: string | number | null, b: string | number | null) =>
    field === "genres" ? shown(a).toLowerCase() === shown(b).toLowerCase() : shown(a) === shown(b);
  return candidates.filter(([field, from, to, filled]) => filled && !same(field, from, to)).map(([field, from, to]) => ({ field, from: shown(from), to: shown(to) }));
}
