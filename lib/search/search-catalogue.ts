import type { AvailabilityInput, CopyCounts } from "@/lib/catalogue/availability";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/sqlite/client";
import type { CopyStatus } from "@/lib/generated/sqlite/enums";
import { titleSummary, type TitleSummaryRow } from "../catalogue/title-summary";
import { OPEN_HOLD_STATUSES } from "../holds/statuses";
import { allButOneWordQuery, byRelevance, countRows, descNullsLast, fullTextQuery, plansFromCounts, sqlWords, titleMatches, titlesFrom, type FullTextPlan } from "../sql-dialect";
import { authorIdsFor } from "./author-names";
import { parseQuery } from "./parse-query";
import { type FacetRow, type SearchFacets, shapeFacets } from "./facets";
import { spellingCandidates } from "./spelling";
import { titleQuery } from "./title-query";
import { catalogueVocabulary } from "./vocabulary";
import { effectiveSort, hasFilters, MAX_PAGE, PAGE_SIZE, type SearchOptions, type SearchSort, yearRangeError } from "./search-options";

export type SearchCatalogueOptions = SearchOptions & {
  /** Skip the COUNT when only a shelf of titles is wanted (home page). */
  count?: boolean;
  /** Count the matches by genre, author, language, decade and availability (one grouped query). */
  facets?: boolean;
  pageSize?: number;
};

export type SearchHit = {
  id: number;
  title: string;
  subtitle: string | null;
  authorNames: string;
  year: number | null;
  coverPath: string | null;
  availability: AvailabilityInput;
};

export type SearchResult = {
  hits: SearchHit[];
  /** Matching titles, counted up to the last reachable page. */
  total: number;
  /** True when more titles match than `total` says. */
  totalIsCapped: boolean;
  page: number;
  pageCount: number;
  sort: SearchSort;
  /** The words searched for; empty with neither words nor ISBN (browsing). */
  words: string[];
  /** False when the box held only punctuation or symbols: there is nothing to look for. */
  searchable: boolean;
  /** The words as the catalogue spells them, when a misspelt query was searched corrected. */
  correctedTo: string | null;
  /** True when no title holds every word and the titles holding some of them are shown. */
  partial: boolean;
  /** The matches counted by filter value, when asked for and something matched. */
  facets: SearchFacets | null;
};

type Row = TitleSummaryRow;

const COUNT_CAP = MAX_PAGE * PAGE_SIZE;

/**
 * Catalogue search: a page of titles matching the words (or ISBN) and filters, ranked or sorted,
 * with their availability. A fixed number of queries whatever the page holds: the page of
 * titles, a capped count, copy counts grouped by title, and holds and due dates for the titles
 * with no copy on the shelf.
 */
export async function searchCatalogue(options: SearchCatalogueOptions): Promise<SearchResult> {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const parsed = parseQuery(options.q);
  const { isbn13, match: typedMatch } = titleQuery(parsed);
  let match = typedMatch;
  const sort = effectiveSort(options, match !== null);
  const page = Math.min(Math.max(1, options.page), MAX_PAGE);
  const empty: SearchResult = { hits: [], total: 0, totalIsCapped: false, page, pageCount: 0, sort, words: parsed.words, searchable: false, correctedTo: null, partial: false, facets: null };

  if (parsed.text.length > 0 && !isbn13 && match === null) return empty;
  const authorIds = options.author ? await authorIdsFor(options.author) : null;
  if (authorIds !== null && authorIds.length === 0) return { ...empty, searchable: true };
  const where = (query: string | null, queryPlan: FullTextPlan) => whereClause(options, query, isbn13, queryPlan, authorIds);

  // The count runs first and settles the plan of the page query (SQLite only: PostgreSQL plans
  // from its own statistics). Up to 1,000 matches, the words and filters drive the query and
  // sorting them is cheap. Beyond that, walking the sort column's index and probing each title
  // against the words and filters finds a page within a few hundred rows, where the driven plan
  // would sort every match first (20 ms for a genre of 10,000 titles).
  const countOf = (query: string | null) =>
    countRows(db, Prisma.sql`
      SELECT COUNT(*) AS n FROM (SELECT 1 AS one ${titlesFrom(query, "drive")} ${where(query, "drive")} LIMIT ${COUNT_CAP + 1}) AS capped`);
  let total = 0;
  let correctedTo: string | null = null;
  let partial = false;
  if (options.count !== false) {
    total = await countOf(match);
    // Nothing holds every word as typed: search the words as the catalogue may spell them, the
    // likeliest first, and failing them all, the titles holding all of the words but one.
    if (total === 0 && match !== null) {
      // With a filter set, the words as typed may be right and the filter the reason for nothing.
      const spellings = spellingCandidates(parsed.words, await catalogueVocabulary(), { respellKnownWords: !hasFilters(options) });
      for (const words of spellings.tries) {
        const candidateMatch = fullTextQuery(words);
        const found = candidateMatch === null ? 0 : await countOf(candidateMatch);
        if (found > 0) {
          [match, total, correctedTo] = [candidateMatch, found, words.join(" ")];
          break;
        }
      }
      if (total === 0) {
        const anyMatch = allButOneWordQuery(spellings.corrected ?? parsed.words);
        if (anyMatch !== null) total = await countOf(anyMatch);
        if (total > 0) {
          match = anyMatch;
          partial = true;
          if (spellings.corrected) correctedTo = spellings.corrected.join(" ");
        }
      }
    }
  }
  const plan: FullTextPlan = plansFromCounts && sort !== "relevance" && (options.count === false || total > COUNT_CAP) ? "probe" : "drive";
  const offset = (page - 1) * pageSize;
  const pageRows =
    options.count !== false && total <= offset
      ? Promise.resolve([])
      : db.$queryRaw<Row[]>(Prisma.sql`
    SELECT t."id", t."title", t."subtitle", t."authorNames", t."year", t."coverPath"
    ${titlesFrom(match, plan)} ${where(match, plan)}
    ORDER BY ${orderClause(sort, match)}
    LIMIT ${pageSize} OFFSET ${offset}`);
  const facetRows = options.facets && options.count !== false && total > 0 ? facetQuery(titlesFrom(match, "drive"), where(match, "drive")) : Promise.resolve(null);
  const [rows, facets] = await Promise.all([pageRows, facetRows]);
  if (options.count === false) total = rows.length;

  const hits = await withAvailability(rows);
  return {
    hits,
    total: Math.min(total, COUNT_CAP),
    totalIsCapped: total > COUNT_CAP,
    page,
    pageCount: Math.min(Math.ceil(Math.min(total, COUNT_CAP) / pageSize), MAX_PAGE),
    sort,
    words: parsed.words,
    searchable: true,
    correctedTo,
    partial,
    facets: facets && shapeFacets(facets, total > COUNT_CAP),
  };
}

/**
 * The facet counts in one statement: the matching titles (the first COUNT_CAP + 1, as the count
 * stops there) gathered once, then grouped by each filter and joined with UNION ALL. CROSS JOIN
 * makes SQLite read the matches first (it would walk all of TitleAuthor by author to group,
 * 200 ms at 100,000 titles); PostgreSQL plans it as the inner join it is.
 */
function facetQuery(from: Prisma.Sql, where: Prisma.Sql): Promise<FacetRow[]> {
  return db.$queryRaw<FacetRow[]>(Prisma.sql`
    WITH m AS MATERIALIZED (SELECT t."id", t."language", t."year" ${from} ${where} LIMIT ${COUNT_CAP + 1})
    SELECT 'genre' AS facet, g."slug" AS value, g."name" AS label, COUNT(*) AS n
      FROM m CROSS JOIN "TitleGenre" tg CROSS JOIN "Genre" g WHERE tg."titleId" = m."id" AND g."id" = tg."genreId" GROUP BY g."slug", g."name"
    UNION ALL SELECT 'author', a."name", a."name", COUNT(*)
      FROM m CROSS JOIN "TitleAuthor" ta CROSS JOIN "Author" a WHERE ta."titleId" = m."id" AND a."id" = ta."authorId" GROUP BY a."id", a."name"
    UNION ALL SELECT 'language', m."language", m."language", COUNT(*) FROM m WHERE m."language" IS NOT NULL AND m."language" <> '' GROUP BY m."language"
    UNION ALL SELECT 'decade', CAST((m."year" / 10) * 10 AS TEXT), NULL, COUNT(*) FROM m WHERE m."year" >= 0 GROUP BY (m."year" / 10) * 10
    UNION ALL SELECT 'available', NULL, NULL, COUNT(*) FROM m WHERE EXISTS (SELECT 1 FROM "Copy" c WHERE c."titleId" = m."id" AND c."status" = 'AVAILABLE')`);
}

function whereClause(options: SearchOptions, match: string | null, isbn13: string | null, plan: FullTextPlan, authorIds: number[] | null): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`t."withdrawnAt" IS NULL`];
  if (isbn13) conditions.push(Prisma.sql`t."isbn13" = ${isbn13}`);
  if (match !== null) conditions.push(titleMatches(match, plan));
  if (options.genre) {
    const genre = Prisma.sql`SELECT tg."titleId" FROM "TitleGenre" tg JOIN "Genre" g ON g."id" = tg."genreId" WHERE g."slug" = ${options.genre}`;
    conditions.push(plan === "probe" ? Prisma.sql`EXISTS (${genre} AND tg."titleId" = t."id")` : Prisma.sql`t."id" IN (${genre})`);
  }
  if (authorIds !== null) {
    // Ids read from the database, written as literals: a common first name may match more
    // authors than a statement takes bound parameters.
    const author = Prisma.sql`SELECT ta."titleId" FROM "TitleAuthor" ta WHERE ta."authorId" IN (${Prisma.raw(authorIds.map((id) => String(Math.trunc(id))).join(", "))})`;
    conditions.push(plan === "probe" ? Prisma.sql`EXISTS (${author} AND ta."titleId" = t."id")` : Prisma.sql`t."id" IN (${author})`);
  }
  if (options.language) conditions.push(Prisma.sql`t."language" = ${options.language}`);
  if (yearRangeError(options) === null) {
    if (options.yearFrom != null) conditions.push(Prisma.sql`t."year" >= ${options.yearFrom}`);
    if (options.yearTo != null) conditions.push(Prisma.sql`t."year" <= ${options.yearTo}`);
  }
  if (options.availableNow) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "Copy" c WHERE c."titleId" = t."id" AND c."status" = 'AVAILABLE')`);
  }
  return Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}`;
}

function orderClause(sort: SearchSort, match: string | null): Prisma.Sql {
  switch (sort) {
    case "relevance":
      return byRelevance(match);
    case "title":
      return Prisma.sql`t."sortTitle" ASC, t."id" ASC`;
    case "author":
      return Prisma.sql`t."authorNames" ASC, t."sortTitle" ASC, t."id" ASC`;
    case "year":
      return Prisma.sql`${descNullsLast(Prisma.sql`t."year"`)}, t."id" DESC`;
    case "newest":
      return Prisma.sql`t."createdAt" DESC, t."id" DESC`;
    case "popularity":
      return Prisma.sql`t."popularity" DESC, t."id" DESC`;
  }
}

/**
 * Copy counts for the page in one grouped query; open holds and the next due date only for the
 * titles with no copy on the shelf. Raw SQL: a fixed text whatever the page holds, so neither
 * Prisma nor the database has to plan it anew for each id list.
 */
async function withAvailability(rows: Row[]): Promise<SearchHit[]> {
  const ids = rows.map((r) => Number(r.id));
  if (ids.length === 0) return [];
  const copies = await db.$queryRaw<{ titleId: number | bigint; status: CopyStatus; n: number | bigint }[]>(Prisma.sql`
    SELECT c."titleId", c."status", COUNT(*) AS n FROM "Copy" c
    WHERE c."titleId" IN (${Prisma.join(ids)}) GROUP BY c."titleId", c."status"`);
  const counts = new Map<number, CopyCounts>(ids.map((id) => [id, {}]));
  for (const c of copies) counts.get(Number(c.titleId))![c.status] = Number(c.n);

  const unavailable = ids.filter((id) => !counts.get(id)!.AVAILABLE);
  const holdCounts = new Map<number, number>();
  const nextDue = new Map<number, Date>();
  if (unavailable.length > 0) {
    const [holds, loans] = await Promise.all([
      db.$queryRaw<{ titleId: number | bigint; n: number | bigint }[]>(Prisma.sql`
        SELECT h."titleId", COUNT(*) AS n FROM "Hold" h
        WHERE h."titleId" IN (${Prisma.join(unavailable)}) AND h."status" IN (${sqlWords(OPEN_HOLD_STATUSES)})
        GROUP BY h."titleId"`),
      db.$queryRaw<{ titleId: number | bigint; dueAt: Date | string }[]>(Prisma.sql`
        SELECT c."titleId", MIN(l."dueAt") AS "dueAt" FROM "Loan" l JOIN "Copy" c ON c."id" = l."copyId"
        WHERE c."titleId" IN (${Prisma.join(unavailable)}) AND l."returnedAt" IS NULL
        GROUP BY c."titleId"`),
    ]);
    for (const h of holds) holdCounts.set(Number(h.titleId), Number(h.n));
    // SQLite returns the stored ISO text (one format for every row, so MIN compares them rightly).
    for (const l of loans) nextDue.set(Number(l.titleId), new Date(l.dueAt));
  }

  return rows.map((r) => {
    const id = Number(r.id);
    return {
      ...titleSummary(r),
      availability: { copies: counts.get(id)!, openHolds: holdCounts.get(id) ?? 0, nextDueAt: nextDue.get(id) ?? null },
    };
  });
}
