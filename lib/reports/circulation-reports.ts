import { now } from "../clock";
import { db } from "../db";
import { Prisma } from "../generated/sqlite/client";
import type { ReportRange } from "./range";
import { sqlMonth } from "../sql-dialect";

// Circulation reports, grouped in SQL (indexes: Loan.checkedOutAt) so 100,000 loans cost one
// scan of the range, not a trip through JavaScript.

type Count = number | bigint;

export type MostBorrowedRow = { titleId: number; title: string; authors: string; loans: number };

/** The titles lent most often in the range (ties by title). */
export async function mostBorrowed(range: ReportRange, limit = 20): Promise<MostBorrowedRow[]> {
  const rows = await db.$queryRaw<{ id: Count; title: string; authorNames: string; n: Count }[]>(Prisma.sql`
    SELECT t."id", t."title", t."authorNames", COUNT(*) AS "n"
    FROM "Loan" l JOIN "Copy" c ON c."id" = l."copyId" JOIN "Title" t ON t."id" = c."titleId"
    WHERE l."checkedOutAt" >= ${range.start} AND l."checkedOutAt" < ${range.end}
    GROUP BY t."id", t."title", t."authorNames", t."sortTitle"
    ORDER BY COUNT(*) DESC, t."sortTitle" ASC, t."id" ASC
    LIMIT ${limit}`);
  return rows.map((r) => ({ titleId: Number(r.id), title: r.title, authors: r.authorNames, loans: Number(r.n) }));
}

export type MonthCount = { month: string; count: number };

/** Counts per month of the range, every month present (0 when nothing happened). */
export function fillMonths<T extends { month: string }>(range: ReportRange, rows: T[], empty: (month: string) => T): T[] {
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  return range.months.map((m) => byMonth.get(m) ?? empty(m));
}

export async function loansPerMonth(range: ReportRange): Promise<MonthCount[]> {
  const month = sqlMonth(Prisma.sql`"checkedOutAt"`, range.offsetMinutes);
  const rows = await db.$queryRaw<{ month: string; n: Count }[]>(Prisma.sql`
    SELECT ${month} AS "month", COUNT(*) AS "n" FROM "Loan"
    WHERE "checkedOutAt" >= ${range.start} AND "checkedOutAt" < ${range.end}
    GROUP BY 1 ORDER BY 1`);
  return fillMonths(range, rows.map((r) => ({ month: r.month, count: Number(r.n) })), (m) => ({ month: m, count: 0 }));
}

export type OverdueMonth = { month: string; loans: number; overdue: number; ratePercent: number };
export type SmoothedOverdueMonth = OverdueMonth & { trailingPercent: number };

/** Months the smoothed overdue rate looks back over, the month itself included. */
export const TRAILING_MONTHS = 3;

/**
 * The overdue rate smoothed over each month and the ones before it (never after: a month's
 * figure moves only once its own loans or earlier ones do), weighted by the loans of each month.
 * The first months of the range have fewer months behind them and use those they have.
 */
export function trailingOverdueRate(months: OverdueMonth[], window = TRAILING_MONTHS): SmoothedOverdueMonth[] {
  return months.map((m, i) => {
    const span = months.slice(Math.max(0, i - window + 1), i + 1);
    const loans = span.reduce((sum, s) => sum + s.loans, 0);
    const overdue = span.reduce((sum, s) => sum + s.overdue, 0);
    return { ...m, trailingPercent: percent(overdue, loans) };
  });
}

/**
 * Of the loans made each month, how many went overdue: returned after their due date, or still
 * out past it now.
 */
export async function overdueRate(range: ReportRange): Promise<{ months: OverdueMonth[]; current: { open: number; overdue: number; ratePercent: number } }> {
  const at = now();
  const month = sqlMonth(Prisma.sql`"checkedOutAt"`, range.offsetMinutes);
  const [rows, open, overdue] = await Promise.all([
    db.$queryRaw<{ month: string; n: Count; late: Count }[]>(Prisma.sql`
      SELECT ${month} AS "month", COUNT(*) AS "n",
        SUM(CASE WHEN ("returnedAt" IS NOT NULL AND "returnedAt" > "dueAt") OR ("returnedAt" IS NULL AND "dueAt" < ${at}) THEN 1 ELSE 0 END) AS "late"
      FROM "Loan"
      WHERE "checkedOutAt" >= ${range.start} AND "checkedOutAt" < ${range.end}
      GROUP BY 1 ORDER BY 1`),
    db.loan.count({ where: { returnedAt: null } }),
    db.loan.count({ where: { returnedAt: null, dueAt: { lt: at } } }),
  ]);
  const withRate = (m: string, loans: number, late: number): OverdueMonth => ({ month: m, loans, overdue: late, ratePercent: percent(late, loans) });
  return {
    months: fillMonths(range, rows.map((r) => withRate(r.month, Number(r.n), Number(r.late))), (m) => withRate(m, 0, 0)),
    current: { open, overdue, ratePercent: percent(overdue, open) },
  };
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}
