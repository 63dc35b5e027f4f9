import Papa from "papaparse";

// Every CSV Stacks writes goes through here, so a cell a spreadsheet would run as a formula
// (a title named `=HYPERLINK(…)`) is shown as text wherever it is exported.

/** Spreadsheets run a text cell starting with one of these as a formula. */
export const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | null | undefined;

/** A cell as a spreadsheet should show it: formulae get a leading apostrophe (OWASP). */
export function spreadsheetCell(value: CsvValue): string | number {
  if (typeof value === "number") return value;
  const text = value ?? "";
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** CSV text (CRLF lines, no final line break), every cell neutralised. */
export function csvText(fields: readonly string[], rows: readonly (readonly CsvValue[])[], { header = true } = {}): string {
  return Papa.unparse({ fields: fields.map(spreadsheetCell).map(String), data: rows.map((row) => row.map(spreadsheetCell)) }, { header, newline: "\r\n" });
}
