import { csvText } from "../csv";
import { collectionByGenre, collectionByLanguage } from "./collection-reports";
import { loansPerMonth, mostBorrowed, overdueRate, TRAILING_MONTHS, trailingOverdueRate } from "./circulation-reports";
import { newPatronsPerMonth } from "./patron-reports";
import type { ReportRange } from "./range";

// Every report as a table: the page draws a chart from it and shows it beside the chart, and
// the CSV export writes the very same rows.

export const REPORT_NAMES = ["most-borrowed", "loans-per-month", "overdue-rate", "new-patrons", "collection-by-genre", "collection-by-language"] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

export type ReportColumn = { key: string; label: string; numeric?: boolean };
export type ReportRow = Record<string, string | number>;
export type ReportTable = { name: ReportName; title: string; caption: string; ranged: boolean; columns: ReportColumn[]; rows: ReportRow[] };

export function isReportName(value: string): value is ReportName {
  return (REPORT_NAMES as readonly string[]).includes(value);
}

export async function reportTable(name: ReportName, range: ReportRange): Promise<ReportTable> {
  const period = `${range.from} to ${range.to}`;
  switch (name) {
    case "most-borrowed":
      return {
        name,
        title: "Most borrowed titles",
        caption: `The 20 titles lent most often, ${period}`,
        ranged: true,
        columns: [{ key: "title", label: "Title" }, { key: "authors", label: "Authors" }, { key: "loans", label: "Loans", numeric: true }],
        rows: (await mostBorrowed(range)).map((r) => ({ title: r.title, authors: r.authors, loans: r.loans })),
      };
    case "loans-per-month":
      return {
        name,
        title: "Loans per month",
        caption: `Loans made each month, ${period}`,
        ranged: true,
        columns: [{ key: "month", label: "Month" }, { key: "count", label: "Loans", numeric: true }],
        rows: await loansPerMonth(range),
      };
    case "overdue-rate": {
      const { months } = await overdueRate(range);
      return {
        name,
        title: "Overdue rate",
        caption: `Loans made each month and how many went overdue, ${period}`,
        ranged: true,
        columns: [
          { key: "month", label: "Month" },
          { key: "loans", label: "Loans", numeric: true },
          { key: "overdue", label: "Overdue", numeric: true },
          { key: "ratePercent", label: "Overdue rate (%)", numeric: true },
          { key: "trailingPercent", label: `Last ${TRAILING_MONTHS} months (%)`, numeric: true },
        ],
        rows: trailingOverdueRate(months),
      };
    }
    case "new-patrons":
      return {
        name,
        title: "New patrons per month",
        caption: `Patron accounts opened each month, ${period}`,
        ranged: true,
        columns: [{ key: "month", label: "Month" }, { key: "count", label: "New patrons", numeric: true }],
        rows: await newPatronsPerMonth(range),
      };
    case "collection-by-genre":
    case "collection-by-language": {
      const byGenre = name === "collection-by-genre";
      return {
        name,
        title: byGenre ? "Collection by genre" : "Collection by language",
        caption: byGenre ? "Titles and copies in the catalogue today, by genre" : "Titles and copies in the catalogue today, by language",
        ranged: false,
        columns: [{ key: "label", label: byGenre ? "Genre" : "Language" }, { key: "titles", label: "Titles", numeric: true }, { key: "copies", label: "Copies", numeric: true }],
        rows: await (byGenre ? collectionByGenre() : collectionByLanguage()),
      };
    }
  }
}

/** The table as CSV, its column labels as the header. */
export function reportCsv(table: ReportTable): string {
  return csvText(
    table.columns.map((c) => c.label),
    table.rows.map((r) => table.columns.map((c) => r[c.key])),
  );
}
