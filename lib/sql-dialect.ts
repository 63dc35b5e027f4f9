import { dbKind, type Tx } from "./db";
import { Prisma } from "./generated/sqlite/client";
import { toFtsMatch, toTsQuery } from "./search/parse-query";

// The one place raw SQL differs between the databases (docs/decisions/002-two-migration-folders.md,
// 003-search-index-per-database.md): everything else writes one text for both.

const postgres = dbKind === "postgresql";

// Instants: raw SQL binds the Date itself, in Prisma.sql and in positional parameters alike.
// PostgreSQL takes it as a timestamp; the SQLite adapter writes every bound Date as the ISO text
// Prisma stores DateTime columns in ("2026-01-31T09:00:00.000+00:00"), so text comparisons
// with those columns hold. Never bind an instant as a string of your own making.

/** A value read back from raw SQL as a Date (SQLite returns the stored text). */
export function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(String(value));
}

/** The one number a `SELECT COUNT(*) AS n …` statement answers (a bigint on PostgreSQL). */
export async function countRows(client: Pick<Tx, "$queryRaw">, statement: Prisma.Sql): Promise<number> {
  const [{ n }] = await client.$queryRaw<{ n: number | bigint }[]>(statement);
  return Number(n);
}

/**
 * The "YYYY-MM" month of a DateTime column, shifted by the library's UTC offset in minutes
 * (the offset now: a daylight-saving change moves an hour at a month's edge, no more).
 */
export function sqlMonth(column: Prisma.Sql, offsetMinutes: number): Prisma.Sql {
  const minutes = Math.trunc(offsetMinutes);
  return postgres
    ? Prisma.sql`to_char(${column} + make_interval(mins => ${minutes}::int), 'YYYY-MM')`
    : Prisma.sql`strftime('%Y-%m', ${column}, ${`${minutes >= 0 ? "+" : ""}${minutes} minutes`})`;
}

/** Constant words (enum values) as SQL string literals, for IN lists the planner sees as written. */
export function sqlWords(values: readonly string[]): Prisma.Sql {
  return Prisma.raw(values.map((v) => `'${v.replace(/'/g, "''")}'`).join(", "));
}

/** Descending with NULLs last: SQLite already does so, and saying it would keep it off the index. */
export function descNullsLast(column: Prisma.Sql): Prisma.Sql {
  return postgres ? Prisma.sql`${column} DESC NULLS LAST` : Prisma.sql`${column} DESC`;
}

/** A claim query's row locks: a concurrent claimer skips rows another holds (PostgreSQL); SQLite has one writer. */
export const skipLockedRows: Prisma.Sql = postgres ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty;

/** SQLite plans from the counts the search query gives it; PostgreSQL from its own statistics. */
export const plansFromCounts = !postgres;

/**
 * Values per `IN (…)` list when a long list is read in chunks: 500 under SQLite's bound-parameter
 * limit; on PostgreSQL each query costs tens of milliseconds through the driver adapter, so ten
 * times longer lists (25,000 barcodes: 5 queries, not 50).
 */
export const IN_LIST_CHUNK = postgres ? 5_000 : 500;

/**
 * `column IN (values)` with the whole list as one bound parameter, however long: a JSON array
 * SQLite unpacks with json_each, an array on PostgreSQL. Spares the chunking that one parameter
 * per value needs, and the query compiler's cost per value.
 */
export function inValues(column: Prisma.Sql, values: readonly (string | number)[]): Prisma.Sql {
  const numbers = typeof values[0] === "number";
  if (postgres) return Prisma.sql`${column} = ANY(${[...values]}::${Prisma.raw(numbers ? "int[]" : "text[]")})`;
  return Prisma.sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(values)}))`;
}

// Full-text search over titles ("Title" t): FTS5's TitleSearch table on SQLite, the
// searchVector column on PostgreSQL. One predicate for the catalogue search and the inventory.

/**
 * The words as this database's full-text query text (bound, never spliced); null when nothing is
 * searchable. "and" beside other words is not required: a title may write it "&", which neither
 * tokenizer keeps ("angels and demons" finds "Angels & Demons").
 */
export function fullTextQuery(words: string[]): string | null {
  const required = withoutAnd(words);
  return postgres ? toTsQuery(required) : toFtsMatch(required);
}

function withoutAnd(words: string[]): string[] {
  return words.some((w) => w !== "and") ? words.filter((w) => w !== "and") : words;
}

/**
 * The full-text query matching titles with every word but one (the partial matches' fallback):
 * one stray word no longer empties the page. Null below three words of two letters or more,
 * where one word alone would be too loose a match.
 */
export function allButOneWordQuery(typed: string[]): string | null {
  // Single characters ("1" of "1=1", a stray "s") say too little to match a title by.
  // "and" is not searched (fullTextQuery): counted here, it would leave one word alone to match.
  const words = [...new Set(withoutAnd(typed).filter((w) => w.length > 1))];
  if (words.length < 3) return null;
  const queries = words.map((_, skip) => fullTextQuery(words.filter((_, i) => i !== skip)));
  if (queries.some((q) => q === null)) return null;
  return queries.map((q) => `(${q})`).join(postgres ? " | " : " OR ");
}

/**
 * "drive": the full-text index picks the rows (SQLite joins TitleSearch in the FROM clause);
 * "probe": each title is checked against it, so the sort column's index can drive the query.
 */
export type FullTextPlan = "drive" | "probe";

/** The FROM clause of a title query: on SQLite a driven text search reads TitleSearch first. */
export function titlesFrom(query: string | null, plan: FullTextPlan): Prisma.Sql {
  if (query === null || postgres || plan === "probe") return Prisma.sql`FROM "Title" t`;
  return Prisma.sql`FROM "TitleSearch" JOIN "Title" t ON t."id" = "TitleSearch".rowid`;
}

/**
 * The title matches the full-text query: with titlesFrom's FROM clause for a "drive" or "probe"
 * plan, or, planless, over a plain `FROM "Title" t` (the inventory and its export) where the
 * database chooses.
 */
export function titleMatches(query: string, plan: FullTextPlan | "planless"): Prisma.Sql {
  if (postgres) return Prisma.sql`t."searchVector" @@ to_tsquery('simple', ${query})`;
  const ids = Prisma.sql`t."id" IN (SELECT rowid FROM "TitleSearch" WHERE "TitleSearch" MATCH ${query})`;
  // Unary + keeps SQLite from driving the query with this id list instead of the sort index.
  if (plan === "probe") return Prisma.sql`+${ids}`;
  return plan === "drive" ? Prisma.sql`"TitleSearch" MATCH ${query}` : ids;
}

/**
 * Relevance, best first. Title, original title and authors weigh most (columns: title, subtitle,
 * authorNames, genreNames, isbn13, originalTitle); text relevance is scaled by the log of popularity, so "hunger games"
 * brings the novel before the companion books that repeat its name; popularity breaks ties.
 */
export function byRelevance(query: string | null): Prisma.Sql {
  return postgres
    ? Prisma.sql`ts_rank(t."searchVector", to_tsquery('simple', ${query})) * (1 + ln(1 + t."popularity") / 5) DESC, t."popularity" DESC, t."id" DESC`
    : Prisma.sql`bm25("TitleSearch", 10.0, 4.0, 10.0, 2.0, 10.0, 8.0) * (1 + ln(1 + t."popularity") / 5), t."popularity" DESC, t."id" DESC`;
}

/**
 * `count` new ids for a table, so that rows and the rows pointing at them go in by the batch.
 * PostgreSQL hands them out from the table's sequence (safe beside concurrent inserts); on
 * SQLite the caller's transaction already holds the write lock, so the ids after the largest are free.
 */
export async function reserveIds(tx: Tx, table: "Title" | "Author", count: number): Promise<number[]> {
  if (count === 0) return [];
  if (postgres) {
    const rows = await tx.$queryRawUnsafe<{ id: bigint | number }[]>(
      `SELECT nextval(pg_get_serial_sequence('"${table}"', 'id')) AS id FROM generate_series(1, $1::int)`,
      count,
    );
    return rows.map((r) => Number(r.id));
  }
  const [{ max }] = await tx.$queryRawUnsafe<{ max: bigint | number | null }[]>(`SELECT MAX("id") AS max FROM "${table}"`);
  const start = Number(max ?? 0) + 1;
  return Array.from({ length: count }, (_, i) => start + i);
}

/** After rows were written with their ids: PostgreSQL's sequences move past them (SQLite needs nothing). */
export async function resetIdSequences(client: Pick<Tx, "$executeRawUnsafe">, tables: string[]): Promise<void> {
  if (!postgres) return;
  for (const table of tables) {
    await client.$executeRawUnsafe(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), COALESCE((SELECT MAX("id") FROM "${table}"), 0) + 1, false)`);
  }
}

/**
 * For a statement each database spells its own way as a whole (the outbox's JSON insert): the
 * text, or the parameters, for this database.
 */
export function perDatabase<T>(choices: { postgresql: T; sqlite: T }): T {
  return postgres ? choices.postgresql : choices.sqlite;
}
