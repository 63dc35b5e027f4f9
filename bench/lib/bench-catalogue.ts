import { readFileSync } from "node:fs";
import { parse as parseIsbn } from "isbn3";
import Papa from "papaparse";
import type { Db } from "@/lib/db";

// A large catalogue for benchmarks: the 10,000 real books of goodbooks-10k, then generated
// titles up to the size asked for. Deterministic (seeded random), so every run measures the
// same data. Written straight through createMany in batches: the FTS5 triggers and the
// generated tsvector column keep the search indexes in step as they would for the app.

const BOOKS_CSV = "../shared/data/goodbooks-10k/books.csv";
const BATCH = 2_000;

type BenchTitle = {
  title: string;
  subtitle: string | null;
  authors: string[];
  genre: string;
  isbn13: string | null;
  year: number | null;
  language: string;
  popularity: number;
  copies: number;
};

const GENRES = ["General", "Fantasy", "Science Fiction", "Mystery", "Romance", "History", "Classics", "Young Adult", "Children", "Poetry"];
const AUTHOR_GENRES: Record<string, string> = {
  "J.K. Rowling": "Fantasy",
  "J.R.R. Tolkien": "Fantasy",
  "George R.R. Martin": "Fantasy",
  "Suzanne Collins": "Young Adult",
  "Stephen King": "Mystery",
  "Agatha Christie": "Mystery",
  "Jane Austen": "Classics",
  "Charles Dickens": "Classics",
  "Isaac Asimov": "Science Fiction",
  "Frank Herbert": "Science Fiction",
  "Nicholas Sparks": "Romance",
  "Dr. Seuss": "Children",
};

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sortKey(title: string): string {
  return title.toLowerCase().replace(/^(the|a|an) /, "");
}

function readRealTitles(): BenchTitle[] {
  const rows = Papa.parse<Record<string, string>>(readFileSync(BOOKS_CSV, "utf8"), { header: true, skipEmptyLines: true }).data;
  return rows.map((row) => {
    const isbn10 = row.isbn ? row.isbn.replace(/\D/g, "").padStart(10, "0") : "";
    const isbn = isbn10.length === 10 ? parseIsbn(isbn10) : null;
    const match = /^(.*?)\s*\(([^()]*#[^()]*)\)\s*$/.exec(row.title ?? "");
    const authors = (row.authors ?? "").split(",").map((a) => a.trim()).filter(Boolean);
    const year = Number.parseInt(row.original_publication_year, 10);
    const lang = (row.language_code || "en").toLowerCase();
    return {
      title: (match ? match[1] : row.title).trim() || "Untitled",
      subtitle: match ? match[2] : null,
      authors,
      genre: AUTHOR_GENRES[authors[0]] ?? "General",
      isbn13: isbn?.isValid ? isbn.isbn13 : null,
      year: Number.isFinite(year) ? year : null,
      language: lang.startsWith("en") || lang === "eng" ? "en" : lang,
      popularity: Number(row.ratings_count) || 0,
      copies: 1 + (Number(row.book_id) % 4),
    };
  });
}

const ADJECTIVES = ["Silent", "Hidden", "Broken", "Golden", "Lost", "Last", "Secret", "Winter", "Crimson", "Quiet", "Wild", "Distant", "Bright", "Dark", "Little", "Endless", "Forgotten", "Burning", "Glass", "Iron"];
const NOUNS = ["River", "Garden", "Kingdom", "Letters", "House", "Island", "Summer", "Road", "Mountain", "Forest", "Library", "Storm", "Harbor", "Orchard", "Lighthouse", "Map", "Crown", "Station", "Voyage", "Promise"];
const PLACES = ["Avalon", "Bristol", "Cairo", "Dover", "Lisbon", "Marrakesh", "Oslo", "Prague", "Quebec", "Sevilla", "Tromsø", "Valparaíso", "Yokohama", "Zanzibar"];
const FIRST = ["Anna", "Ben", "Clara", "David", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kofi", "Lena", "Marta", "Nils", "Olga", "Pedro", "Rosa", "Sami", "Tess", "Umar", "Vera", "Wen", "Yusuf", "Zoe"];
const LAST = ["Abbott", "Bauer", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Hughes", "Ito", "Jensen", "Kowalski", "Larsen", "Moreau", "Novak", "Okafor", "Petrov", "Quinn", "Rossi", "Silva", "Tanaka", "Ueda", "Vargas", "Weber", "Young"];
const LANGUAGES = ["en", "en", "en", "en", "en", "en", "es", "fr", "de", "it"];

function isbn13For(index: number): string {
  const body = `9798${String(index).padStart(8, "0")}`;
  const sum = [...body].reduce((s, d, i) => s + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return body + String((10 - (sum % 10)) % 10);
}

function syntheticTitles(count: number, startIndex: number): BenchTitle[] {
  const next = random(startIndex);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  return Array.from({ length: count }, (_, i) => {
    const shape = next();
    const title =
      shape < 0.4
        ? `The ${pick(ADJECTIVES)} ${pick(NOUNS)}`
        : shape < 0.7
          ? `${pick(NOUNS)} of ${pick(PLACES)}`
          : `A ${pick(ADJECTIVES)} ${pick(NOUNS)} in ${pick(PLACES)}`;
    const authors = [`${pick(FIRST)} ${pick(LAST)}`];
    if (next() < 0.1) authors.push(`${pick(FIRST)} ${pick(LAST)}`);
    return {
      title,
      subtitle: next() < 0.3 ? `Book ${1 + Math.floor(next() * 9)} of the ${pick(NOUNS)} Cycle` : null,
      authors,
      genre: pick(GENRES),
      isbn13: isbn13For(startIndex + i),
      year: 1900 + Math.floor(next() * 125),
      language: pick(LANGUAGES),
      popularity: Math.floor(next() ** 3 * 5_000),
      copies: 1 + Math.floor(next() * 4),
    };
  });
}

/** Fills an empty catalogue with `target` titles (10,000 real ones first) and their copies. */
export async function buildBenchCatalogue(db: Db, target: number): Promise<void> {
  const real = readRealTitles().slice(0, target);
  const titles = [...real, ...syntheticTitles(Math.max(0, target - real.length), real.length)];

  const genreIds = new Map<string, number>();
  for (const name of GENRES) genreIds.set(name, (await db.genre.create({ data: { name, slug: name.toLowerCase().replace(/\s+/g, "-") } })).id);

  const authorNames = [...new Set(titles.flatMap((t) => t.authors))];
  for (let i = 0; i < authorNames.length; i += BATCH) await db.author.createMany({ data: authorNames.slice(i, i + BATCH).map((name) => ({ name })) });
  const authorIds = new Map((await db.author.findMany({ select: { id: true, name: true } })).map((a) => [a.name, a.id]));

  const seenIsbns = new Set<string>();
  const addedAt = new Date("2026-01-01T00:00:00Z").getTime();
  let copyNumber = 0;
  for (let start = 0; start < titles.length; start += BATCH) {
    const batch = titles.slice(start, start + BATCH);
    await db.$transaction(async (tx) => {
      const first = start + 1;
      await tx.title.createMany({
        data: batch.map((t, i) => {
          const isbn13 = t.isbn13 && !seenIsbns.has(t.isbn13) ? t.isbn13 : null;
          if (isbn13) seenIsbns.add(isbn13);
          return {
            id: first + i,
            title: t.title,
            subtitle: t.subtitle,
            isbn13,
            year: t.year,
            language: t.language,
            popularity: t.popularity,
            sortTitle: sortKey(t.title),
            authorNames: t.authors.join(", "),
            genreNames: t.genre,
            createdAt: new Date(addedAt + (start + i) * 60_000),
          };
        }),
      });
      await tx.titleAuthor.createMany({
        data: batch.flatMap((t, i) => [...new Set(t.authors)].map((name, position) => ({ titleId: first + i, authorId: authorIds.get(name)!, position }))),
      });
      await tx.titleGenre.createMany({ data: batch.map((t, i) => ({ titleId: first + i, genreId: genreIds.get(t.genre)! })) });
      await tx.copy.createMany({
        data: batch.flatMap((t, i) =>
          Array.from({ length: t.copies }, (_, c) => ({
            titleId: first + i,
            barcode: `B${String(++copyNumber).padStart(8, "0")}`,
            shelfLocation: `${t.genre} ${String.fromCharCode(65 + ((first + i) % 26))}`,
            status: (first + i + c) % 3 === 0 ? ("ON_LOAN" as const) : ("AVAILABLE" as const),
          })),
        ),
      });
    });
  }
}
