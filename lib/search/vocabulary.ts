import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/sqlite/client";
import { foldedTokens, type Vocabulary } from "./spelling";

// The catalogue's words, read once per process and read again when a title is added, changed or
// withdrawn (the count and the latest change tell), so corrections follow the catalogue.
/** Initials as the catalogue writes them, "J.R.R.": kept whole, as PostgreSQL indexes them. */
const INITIALS = /(?<![\p{L}.])\p{L}(?:\.\p{L})+/gu;

let cached: { key: string; vocabulary: Vocabulary } | null = null;

export async function catalogueVocabulary(): Promise<Vocabulary> {
  const [{ n, changed }] = await db.$queryRaw<{ n: number | bigint; changed: Date | string | null }[]>(Prisma.sql`
    SELECT COUNT(*) AS n, MAX(t."updatedAt") AS changed FROM "Title" t WHERE t."withdrawnAt" IS NULL`);
  const key = `${Number(n)}:${changed === null ? "" : new Date(changed).toISOString()}`;
  if (cached?.key === key) return cached.vocabulary;
  const rows = await db.$queryRaw<{ title: string; subtitle: string | null; originalTitle: string | null; authorNames: string }[]>(Prisma.sql`
    SELECT t."title", t."subtitle", t."originalTitle", t."authorNames" FROM "Title" t WHERE t."withdrawnAt" IS NULL`);
  const vocabulary: Vocabulary = new Map();
  for (const r of rows) {
    const text = `${r.title} ${r.subtitle ?? ""} ${r.originalTitle ?? ""} ${r.authorNames}`;
    const initials = text.toLowerCase().match(INITIALS) ?? [];
    for (const word of new Set([...foldedTokens(text), ...initials])) {
      vocabulary.set(word, (vocabulary.get(word) ?? 0) + 1);
    }
  }
  cached = { key, vocabulary };
  return vocabulary;
}
