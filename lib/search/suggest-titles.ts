import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/sqlite/client";
import { PrefixIndex } from "./prefix-index";
import { type AuthorSuggestion, MIN_SUGGEST_LENGTH, type Suggestions, type TitleSuggestion } from "./suggestions";

export const SUGGESTED_TITLES = 6;
export const SUGGESTED_AUTHORS = 3;

type Indexes = { titles: PrefixIndex<TitleSuggestion>; authors: PrefixIndex<AuthorSuggestion> };

// The indexes are built once per process and again when a title is added, changed or withdrawn,
// or an author added (the counts and the latest change tell, read in one small query). That query
// reads every title, so it runs at most once a second: a keystroke is answered from memory. While
// a new index is built the one before answers, so a librarian's edit never stalls the box.
const RECHECK_MS = 1_000;
let current: { key: string; indexes: Indexes } | null = null;
let checkedAt = -Infinity;
let building: Promise<Indexes> | null = null;

async function catalogueKey(): Promise<string> {
  const [row] = await db.$queryRaw<{ n: number | bigint; changed: Date | string | null; authors: number | bigint; lastAuthor: number | bigint | null }[]>(Prisma.sql`
    SELECT (SELECT COUNT(*) FROM "Title" t WHERE t."withdrawnAt" IS NULL) AS n,
           (SELECT MAX(t."updatedAt") FROM "Title" t) AS changed,
           (SELECT COUNT(*) FROM "Author" a) AS authors,
           (SELECT MAX(a."id") FROM "Author" a) AS "lastAuthor"`);
  return `${Number(row.n)}:${row.changed === null ? "" : new Date(row.changed).toISOString()}:${Number(row.authors)}:${Number(row.lastAuthor)}`;
}

async function buildIndexes(): Promise<Indexes> {
  const [titles, authors] = await Promise.all([
    db.$queryRaw<{ id: number | bigint; title: string; subtitle: string | null; authorNames: string; popularity: number | bigint }[]>(Prisma.sql`
      SELECT t."id", t."title", t."subtitle", t."authorNames", t."popularity" FROM "Title" t WHERE t."withdrawnAt" IS NULL`),
    // An author weighs what their titles weigh together, so the most borrowed come first.
    db.$queryRaw<{ name: string; weight: number | bigint | null }[]>(Prisma.sql`
      SELECT a."name", SUM(t."popularity" + 1) AS weight FROM "Author" a
      JOIN "TitleAuthor" ta ON ta."authorId" = a."id" JOIN "Title" t ON t."id" = ta."titleId"
      WHERE t."withdrawnAt" IS NULL GROUP BY a."id", a."name"`),
  ]);
  return {
    titles: new PrefixIndex(
      titles.map((t) => ({
        text: `${t.title} ${t.subtitle ?? ""}`,
        weight: Number(t.popularity),
        value: { id: Number(t.id), title: t.title, authorNames: t.authorNames },
      })),
    ),
    authors: new PrefixIndex(authors.map((a) => ({ text: a.name, weight: Number(a.weight ?? 0), value: { name: a.name } }))),
  };
}

function rebuild(key: string): Promise<Indexes> {
  building ??= buildIndexes()
    .then((indexes) => {
      current = { key, indexes };
      return indexes;
    })
    .finally(() => {
      building = null;
    });
  return building;
}

async function indexes(): Promise<Indexes> {
  const at = performance.now();
  if (current && at - checkedAt < RECHECK_MS) return current.indexes;
  checkedAt = at;
  const key = await catalogueKey();
  if (current?.key === key) return current.indexes;
  const next = rebuild(key);
  if (!current) return next;
  next.catch(() => {});
  return current.indexes;
}

/**
 * Titles and authors whose words start with the words typed so far, most borrowed first: what
 * the catalogue search box offers as the patron types.
 */
export async function suggestTitles(typed: string): Promise<Suggestions> {
  const q = typed.normalize("NFKC").slice(0, 100).trim();
  if (q.length < MIN_SUGGEST_LENGTH) return { titles: [], authors: [] };
  const { titles, authors } = await indexes();
  return { titles: titles.search(q, SUGGESTED_TITLES), authors: authors.search(q, SUGGESTED_AUTHORS) };
}
