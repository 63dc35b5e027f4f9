import { db } from "@/lib/db";

export type FilterChoices = {
  genres: { slug: string; name: string }[];
  languages: string[];
};

const TTL_MS = 5 * 60_000;
let cached: { at: number; value: Promise<FilterChoices> } | null = null;

/**
 * The genres and languages the filter form offers. Listing the languages reads the whole
 * Title(language) index, so the choices are kept for a few minutes per server process.
 */
export function listFilterChoices(): Promise<FilterChoices> {
  const at = performance.now();
  if (!cached || at - cached.at > TTL_MS) {
    const value = load();
    cached = { at, value };
    value.catch(() => {
      cached = null;
    });
  }
  return cached.value;
}

async function load(): Promise<FilterChoices> {
  const [genres, languages] = await Promise.all([
    db.genre.findMany({ select: { slug: true, name: true }, orderBy: { name: "asc" } }),
    db.title.groupBy({ by: ["language"], where: { language: { not: null } }, orderBy: { language: "asc" } }),
  ]);
  return { genres, languages: languages.map((l) => l.language!).filter((l) => l.length > 0) };
}
