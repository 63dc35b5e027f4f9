import { dbKind } from "../db";
import { Prisma } from "../generated/sqlite/client";

// Raw SQL compares dates on both databases: PostgreSQL binds a timestamp; SQLite stores
// DateTime as ISO text ("2026-01-31T09:00:00.000+00:00") and compares it as text, so the
// bound value must have exactly that form.

/** An instant as a bound SQL value comparable with DateTime columns on this database. */
export function sqlInstant(at: Date): Prisma.Sql {
  return dbKind === "postgresql" ? Prisma.sql`${at}` : Prisma.sql`${at.toISOString().replace("Z", "+00:00")}`;
}

/**
 * The "YYYY-MM" month of a DateTime column, shifted by the library's UTC offset in minutes
 * (the offset now: a daylight-saving change moves an hour at a month's edge, no more).
 */
export function sqlMonth(column: Prisma.Sql, offsetMinutes: number): Prisma.Sql {
  const minutes = Math.trunc(offsetMinutes);
  return dbKind === "postgresql"
    ? Prisma.sql`to_char(${column} + make_interval(mins => ${minutes}::int), 'YYYY-MM')`
    : Prisma.sql`strftime('%Y-%m', ${column}, ${`${minutes >= 0 ? "+" : ""}${minutes} minutes`})`;
}

/** A value read back from raw SQL as a Date (SQLite returns the stored text). */
export function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(String(value));
}
