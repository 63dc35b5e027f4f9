import { ReportChart } from "@/components/admin/reports/report-chart";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { now } from "@/lib/clock";
import { overdueRate } from "@/lib/reports/circulation-reports";
import { reportRange, reportRangeError } from "@/lib/reports/range";
import { REPORT_NAMES, type ReportName, type ReportTable, reportTable } from "@/lib/reports/report-tables";
import { requireStaff } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";

export const metadata = { title: "Reports" };

const CHART: Record<ReportName, { kind: "bar" | "line" | "hbar"; x: string; y: string; trend?: string }> = {
  "most-borrowed": { kind: "hbar", x: "title", y: "loans" },
  "loans-per-month": { kind: "bar", x: "month", y: "count" },
  "overdue-rate": { kind: "line", x: "month", y: "ratePercent", trend: "trailingPercent" },
  "new-patrons": { kind: "bar", x: "month", y: "count" },
  "collection-by-genre": { kind: "hbar", x: "label", y: "titles" },
  "collection-by-language": { kind: "hbar", x: "label", y: "titles" },
};

/** Charts show the first rows; the table and the CSV have them all. */
const CHART_ROWS = 15;

function Report({ table, query }: { table: ReportTable; query: string }) {
  const chart = CHART[table.name];
  const id = `report-${table.name}`;
  return (
    <section aria-labelledby={id} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={id} className="text-lg font-semibold text-stone-900">
          {table.title}
        </h2>
        <a href={`/api/admin/reports/${table.name}.csv${table.ranged && query ? `?${query}` : ""}`} className="text-sm font-medium text-brand-800 underline" download>
          Download {table.title.toLowerCase()} as CSV
        </a>
      </div>
      {table.rows.length === 0 ? (
        <p className="text-stone-700">Nothing to show for this period.</p>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          <ReportChart kind={chart.kind} rows={table.rows.slice(0, CHART_ROWS)} x={chart.x} y={chart.y} trend={chart.trend} />
          {/* Focusable so keyboard users can scroll a long table. */}
          <div tabIndex={0} role="region" aria-label={`${table.title}: numbers`} className="max-h-96 overflow-auto">
            <table className="w-full text-sm">
              <caption className="mb-1 text-left text-stone-700">{table.caption}</caption>
              <thead className="sticky top-0 bg-white">
                <tr className="border-b border-stone-200">
                  {table.columns.map((c) => (
                    <th key={c.key} scope="col" className={`px-2 py-1 font-semibold ${c.numeric ? "text-right" : "text-left"}`}>
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((r, i) => (
                  <tr key={i} className="border-b border-stone-100 last:border-0">
                    {table.columns.map((c, j) =>
                      j === 0 ? (
                        <th key={c.key} scope="row" className="px-2 py-1 text-left font-normal">
                          {r[c.key]}
                        </th>
                      ) : (
                        <td key={c.key} className={`px-2 py-1 ${c.numeric ? "text-right tabular-nums" : ""}`}>
                          {typeof r[c.key] === "number" ? r[c.key].toLocaleString("en-US") : r[c.key]}
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}

export default async function ReportsPage({ searchParams }: { searchParams: Promise<{ from?: string; to?: string }> }) {
  await requireStaff();
  const params = await searchParams;
  const settings = await getLibrarySettings();
  const rangeError = reportRangeError(params);
  const range = reportRange(params, now(), settings.timeZone);
  const [tables, overdue] = rangeError
    ? [[], null]
    : await Promise.all([Promise.all(REPORT_NAMES.map((name) => reportTable(name, range))), overdueRate(range)]);
  const query = new URLSearchParams({ from: range.from, to: range.to }).toString();
  const invalid = rangeError ? ({ "aria-invalid": true, "aria-describedby": "report-range-error" } as const) : {};

  return (
    <div className="space-y-6">
      <PageHeader
        title="Reports"
        description={rangeError ? `Times in ${settings.timeZone}.` : `From ${range.from} to ${range.to} (${settings.timeZone}). The collection reports show the catalogue as it is today.`}
      />
      <form aria-label="Report period" className="flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-4">
        <div className="space-y-1">
          <label htmlFor="report-from" className="block text-sm font-medium text-stone-800">
            From
          </label>
          <input id="report-from" name="from" type="date" defaultValue={rangeError ? params.from : range.from} className={inputClass} {...invalid} />
        </div>
        <div className="space-y-1">
          <label htmlFor="report-to" className="block text-sm font-medium text-stone-800">
            To
          </label>
          <input id="report-to" name="to" type="date" defaultValue={rangeError ? params.to : range.to} className={inputClass} {...invalid} />
        </div>
        <button type="submit" className={buttonClass("primary")}>
          Show
        </button>
        {rangeError && (
          <p id="report-range-error" role="alert" className="basis-full text-sm font-medium text-red-700">
            {rangeError}
          </p>
        )}
      </form>
      {overdue && (
        <p className="rounded-lg border border-stone-200 bg-white p-4">
          Overdue now: <strong>{overdue.current.overdue.toLocaleString("en-US")}</strong> of {overdue.current.open.toLocaleString("en-US")} loans out (
          {overdue.current.ratePercent}%).
        </p>
      )}
      {tables.map((t) => (
        <Report key={t.name} table={t} query={query} />
      ))}
    </div>
  );
}
