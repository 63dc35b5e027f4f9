import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/sqlite/client";
import { matchingAuthorIds, type AuthorName } from "./author-match";

// Authors are added, never renamed: their count and id range tell when the list read last is stale.
let cached: { key: string; authors: AuthorName[] } | null = null;

async function authorNames(): Promise<AuthorName[]> {
  const [{ n, low, high }] = await db.$queryRaw<{ n: number | bigint; low: number | bigint | null; high: number | bigint | null }[]>(Prisma.sql`
    SELECT COUNT(*) AS n, MIN(a."id") AS low, MAX(a."id") AS high FROM "Author" a`);
  const key = `${Number(n)}:${Number(low)}:${Number(high)}`;
  if (cached?.key === key) return cached.authors;
  const rows = await db.author.findMany({ select: { id: true, name: true } });
  cached = { key, authors: rows };
  return rows;
}

/** The ids of the authors an author filter of the catalogue search means (see matchingAuthorIds). */
export async function authorIdsFor(typed: string): Promise<number[]> {
  return matchingAuthorIds(typed, await authorNames());
}
