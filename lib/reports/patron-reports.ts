import { db } from "../db";
import { Prisma } from "../generated/sqlite/client";
import { fillMonths, type MonthCount } from "./circulation-reports";
import type { ReportRange } from "./range";
import { sqlMonth } from "../sql-dialect";

/** Patron accounts opened each month of the range (staff accounts left out). */
export async function newPatronsPerMonth(range: ReportRange): Promise<MonthCount[]> {
  const month = sqlMonth(Prisma.sql`"createdAt"`, range.offsetMinutes);
  const rows = await db.$queryRaw<{ month: string; n: number | bigint }[]>(Prisma.sql`
    SELECT ${month} AS "month", COUNT(*) AS "n" FROM "User"
    WHERE CAST("role" AS TEXT) = 'PATRON' AND "createdAt" >= ${range.start} AND "createdAt" < ${range.end}
    GROUP BY 1 ORDER BY 1`);
  return fillMonths(range, rows.map((r) => ({ month: r.month, count: Number(r.n) })), (m) => ({ month: m, count: 0 }));
}
