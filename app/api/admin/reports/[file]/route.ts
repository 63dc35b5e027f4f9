import { staffOrResponse } from "@/lib/api";
import { now } from "@/lib/clock";
import { reportRange } from "@/lib/reports/range";
import { isReportName, reportCsv, reportTable } from "@/lib/reports/report-tables";
import { getLibrarySettings } from "@/lib/settings";

/** GET /api/admin/reports/<report>.csv?from=&to= — staff only. */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const staff = await staffOrResponse();
  if (staff instanceof Response) return staff;
  const { file } = await params;
  const name = file.replace(/\.csv$/, "");
  if (!file.endsWith(".csv") || !isReportName(name)) return new Response("No such report.", { status: 404 });
  const url = new URL(request.url);
  const { timeZone } = await getLibrarySettings();
  const range = reportRange({ from: url.searchParams.get("from") ?? undefined, to: url.searchParams.get("to") ?? undefined }, now(), timeZone);
  const table = await reportTable(name, range);
  const filename = table.ranged ? `${name}-${range.from}-to-${range.to}.csv` : `${name}.csv`;
  return new Response(`\uFEFF${reportCsv(table)}\r\n`, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store" },
  });
}
