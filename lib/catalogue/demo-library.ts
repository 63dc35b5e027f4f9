import { readFileSync } from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { normalizeIsbn } from "./isbn";
import type { CatalogueRow } from "./seed-catalogue";

// The demo catalogue: the 10,000 books of goodbooks-10k (Zygmunt Zając, CC BY-SA 4.0), carried in
// prisma/seed-data/goodbooks-10k, repaired as its README warns, and synthetic titles on top for
// benchmarks. Deterministic: the same rows, copies and barcodes on every run.

export const GOODBOOKS_CSV = path.join(process.cwd(), "prisma", "seed-data", "goodbooks-10k", "books.csv");

/** A hand-made map from well-known authors to a genre; everyone else is "General". */
const AUTHOR_GENRES: Record<string, string> = {
  "J.K. Rowling": "Fantasy",
  "J.R.R. Tolkien": "Fantasy",
  "George R.R. Martin": "Fantasy",
  "C.S. Lewis": "Fantasy",
  "Terry Pratchett": "Fantasy",
  "Neil Gaiman": "Fantasy",
  "Brandon Sanderson": "Fantasy",
  "Robert Jordan": "Fantasy",
  "Patrick Rothfuss": "Fantasy",
  "Rick Riordan": "Fantasy",
  "Christopher Paolini": "Fantasy",
  "Cassandra Clare": "Fantasy",
  "Sarah J. Maas": "Fantasy",
  "Philip Pullman": "Fantasy",
  "Ursula K. Le Guin": "Fantasy",
  "Stephen King": "Horror",
  "Dean Koontz": "Horror",
  "Anne Rice": "Horror",
  "H.P. Lovecraft": "Horror",
  "Bram Stoker": "Horror",
  "Agatha Christie": "Mystery",
  "Arthur Conan Doyle": "Mystery",
  "Dan Brown": "Mystery",
  "James Patterson": "Mystery",
  "Lee Child": "Mystery",
  "Michael Connelly": "Mystery",
  "Janet Evanovich": "Mystery",
  "Gillian Flynn": "Mystery",
  "Stieg Larsson": "Mystery",
  "Tana French": "Mystery",
  "John Grisham": "Thriller",
  "Tom Clancy": "Thriller",
  "Michael Crichton": "Thriller",
  "Jane Austen": "Classics",
  "Charles Dickens": "Classics",
  "Charlotte Brontë": "Classics",
  "Emily Brontë": "Classics",
  "Leo Tolstoy": "Classics",
  "Fyodor Dostoyevsky": "Classics",
  "Mark Twain": "Classics",
  "F. Scott Fitzgerald": "Classics",
  "Ernest Hemingway": "Classics",
  "John Steinbeck": "Classics",
  "George Orwell": "Classics",
  "Oscar Wilde": "Classics",
  "Thomas Hardy": "Classics",
  "Virginia Woolf": "Classics",
  "Herman Melville": "Classics",
  "Victor Hugo": "Classics",
  "Homer": "Classics",
  "William Shakespeare": "Classics",
  "Isaac Asimov": "Science Fiction",
  "Frank Herbert": "Science Fiction",
  "Arthur C. Clarke": "Science Fiction",
  "Philip K. Dick": "Science Fiction",
  "Ray Bradbury": "Science Fiction",
  "Orson Scott Card": "Science Fiction",
  "Douglas Adams": "Science Fiction",
  "Kurt Vonnegut Jr.": "Science Fiction",
  "Andy Weir": "Science Fiction",
  "Suzanne Collins": "Young Adult",
  "Veronica Roth": "Young Adult",
  "John Green": "Young Adult",
  "Stephenie Meyer": "Young Adult",
  "James Dashner": "Young Adult",
  "Rainbow Rowell": "Young Adult",
  "Dr. Seuss": "Children",
  "Roald Dahl": "Children",
  "Shel Silverstein": "Children",
  "Beverly Cleary": "Children",
  "Eric Carle": "Children",
  "E.B. White": "Children",
  "Lemony Snicket": "Children",
  "Jeff Kinney": "Children",
  "Nicholas Sparks": "Romance",
  "Nora Roberts": "Romance",
  "Diana Gabaldon": "Romance",
  "Jojo Moyes": "Romance",
  "E.L. James": "Romance",
  "Colleen Hoover": "Romance",
  "Malcolm Gladwell": "Non-fiction",
  "Bill Bryson": "Non-fiction",
  "Yuval Noah Harari": "Non-fiction",
  "Mary Roach": "Non-fiction",
};

const LANGUAGES: Record<string, string> = { eng: "en", "en-us": "en", "en-gb": "en", "en-ca": "en", en: "en", ara: "ar", spa: "es", fre: "fr", ger: "de", ind: "id", jpn: "ja", per: "fa", por: "pt", pol: "pl", ita: "it", nl: "nl", rum: "ro", swe: "sv", rus: "ru", tur: "tr", dan: "da", fil: "fil", vie: "vi", nor: "no" };

export type GoodbooksRow = {
  book_id: string;
  isbn: string;
  authors: string;
  original_publication_year: string;
  original_title: string;
  title: string;
  language_code: string;
  ratings_count: string;
};

/** "The Hunger Games (The Hunger Games, #1)" → title and series subtitle. */
export function splitSeries(raw: string): { title: string; subtitle: string | null } {
  const m = /^(.*\S)\s*\(([^()]*#[^()]*)\)\s*$/.exec(raw.trim());
  return m ? { title: m[1].trim(), subtitle: m[2].trim() } : { title: raw.trim(), subtitle: null };
}

/** The original title when it differs from the edition's title ("Nineteen Eighty-Four" for "1984"). */
export function originalTitleOf(original: string | undefined, title: string): string | null {
  const o = (original ?? "").trim();
  return o && o.toLowerCase() !== title.toLowerCase() ? o : null;
}

/** The isbn column lost its leading zeros; the isbn13 column is a float. Rebuild from the ISBN-10 and validate. */
export function repairIsbn(isbn: string): string | null {
  const digits = isbn.trim().toUpperCase();
  if (!/^\d{1,9}[\dX]$/.test(digits)) return null;
  return normalizeIsbn(digits.padStart(10, "0"));
}

export function normaliseLanguage(code: string): string | null {
  const c = code.trim().toLowerCase();
  if (!c) return null;
  return LANGUAGES[c] ?? (c.length === 2 ? c : c.slice(0, 3));
}

/** A deterministic number in [0, 1) from an integer: the same demo library on every machine. */
function hash01(n: number): number {
  let t = (n + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const DAY_MS = 86_400_000;

function shelfFor(genre: string, author: string): string {
  const letter = (author.split(" ").pop() ?? "A").charAt(0).toUpperCase();
  const band = letter < "I" ? "A–H" : letter < "Q" ? "I–P" : "Q–Z";
  const area = genre === "General" ? "Fiction" : genre;
  return `${area} ${band}, shelf ${1 + (letter.charCodeAt(0) % 6)}`;
}

/** 1–4 copies of title number n (the book id for real titles), bought over the months after it was added. */
function copiesFor(n: number, genre: string, author: string, addedAt: Date, until: Date, nextBarcode: () => string): CatalogueRow["copies"] {
  const count = 1 + Math.floor(hash01(n * 7) * 4);
  return Array.from({ length: count }, (_, c) => ({
    barcode: nextBarcode(),
    shelfLocation: shelfFor(genre, author),
    replacementCostCents: 1500 + Math.floor(hash01(n * 13 + c) * 21) * 100,
    acquiredAt: new Date(Math.min(addedAt.getTime() + c * 30 * DAY_MS, until.getTime())),
  }));
}

export function readGoodbooks(file = GOODBOOKS_CSV): GoodbooksRow[] {
  return Papa.parse<GoodbooksRow>(readFileSync(file, "utf8"), { header: true, skipEmptyLines: true }).data;
}

function barcodeCounter(start = 0): () => string {
  let n = start;
  return () => `C${String(++n).padStart(6, "0")}`;
}

/** The goodbooks rows as catalogue rows, ISBNs repaired and unique. */
export function demoCatalogueRows(rows: GoodbooksRow[], at: Date): CatalogueRow[] {
  const seen = new Set<string>();
  const nextBarcode = barcodeCounter();
  return rows.map((row, i) => {
    const { title, subtitle } = splitSeries(row.title);
    const authors = [...new Set(row.authors.split(",").map((a) => a.trim()).filter(Boolean))];
    const isbn = repairIsbn(row.isbn);
    const isbn13 = isbn && !seen.has(isbn) ? isbn : null;
    if (isbn13) seen.add(isbn13);
    const year = Number.parseInt(row.original_publication_year, 10);
    const genre = AUTHOR_GENRES[authors[0]] ?? "General";
    // Spread over the last four years; the first rows (the most popular) are the oldest stock.
    const addedAt = new Date(at.getTime() - Math.floor((1 - i / rows.length) * 4 * 365 + hash01(i) * 30) * DAY_MS);
    return {
      title: title || "Untitled",
      subtitle,
      originalTitle: originalTitleOf(row.original_title, title),
      authors: authors.length ? authors : ["Unknown"],
      genres: [genre],
      isbn13,
      year: Number.isFinite(year) && year > 0 ? year : null,
      language: normaliseLanguage(row.language_code),
      popularity: Number(row.ratings_count) || 0,
      createdAt: addedAt,
      copies: copiesFor(Number(row.book_id) || i + 1, genre, authors[0] ?? "A", addedAt, at, nextBarcode),
    };
  });
}

const ADJECTIVES = ["Silent", "Hidden", "Broken", "Golden", "Lost", "Last", "Secret", "Winter", "Crimson", "Quiet", "Wild", "Distant", "Bright", "Dark", "Little", "Endless", "Forgotten", "Burning", "Glass", "Iron", "Paper", "Salt", "Velvet", "Hollow", "Northern", "Scarlet", "Painted", "Sleeping", "Wandering", "Bitter", "Emerald", "Frozen", "Gentle", "Hungry", "Lonely", "Midnight", "Radiant", "Restless", "Shattered", "Stolen"];
const NOUNS = ["River", "Garden", "Kingdom", "Letters", "House", "Island", "Summer", "Road", "Mountain", "Forest", "Library", "Storm", "Harbor", "Orchard", "Lighthouse", "Map", "Crown", "Station", "Voyage", "Promise", "Bridge", "Clockmaker", "Daughter", "Engine", "Feather", "Garrison", "Hunter", "Inheritance", "Journey", "Keeper", "Lantern", "Meadow", "Nightingale", "Observatory", "Pilgrim", "Quarry", "Refuge", "Sparrow", "Tide", "Valley", "Widow", "Atlas", "Bell", "Canal", "Diary", "Echo", "Fortune", "Glacier", "Hourglass", "Ivory"];
const PLACES = ["Avalon", "Bristol", "Cairo", "Dover", "Lisbon", "Marrakesh", "Oslo", "Prague", "Quebec", "Sevilla", "Tromsø", "Valparaíso", "Yokohama", "Zanzibar", "Kyoto", "Lagos", "Lima", "Hanoi", "Tallinn", "Odessa"];
const FIRST = ["Anna", "Ben", "Clara", "David", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kofi", "Lena", "Marta", "Nils", "Olga", "Pedro", "Rosa", "Sami", "Tess", "Umar", "Vera", "Wen", "Yusuf", "Zoe", "Amir", "Bea", "Chen", "Dara", "Emil", "Femi"];
const LAST = ["Abbott", "Bauer", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Hughes", "Ito", "Jensen", "Kowalski", "Larsen", "Moreau", "Novak", "Okafor", "Petrov", "Quinn", "Rossi", "Silva", "Tanaka", "Ueda", "Vargas", "Weber", "Young", "Adeyemi", "Brandt", "Castillo", "Dimitrov", "Esposito", "Ferreira"];
const GENRES = ["General", "Fantasy", "Science Fiction", "Mystery", "Romance", "History", "Classics", "Young Adult", "Children", "Poetry", "Thriller", "Non-fiction"];
const SYNTHETIC_LANGUAGES = ["en", "en", "en", "en", "en", "en", "es", "fr", "de", "it"];

/** A valid ISBN-13 in the 979-8 range, unique per index. */
function syntheticIsbn(index: number): string {
  const body = `9798${String(index).padStart(8, "0")}`;
  const sum = [...body].reduce((s, d, i) => s + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return body + String((10 - (sum % 10)) % 10);
}

/** Plausible generated titles for benchmarks, after the real ones. Barcodes start at G000001. */
export function generateSyntheticTitles(count: number, startIndex: number, at = new Date("2026-01-01T00:00:00Z")): CatalogueRow[] {
  let barcode = startIndex * 4;
  const nextBarcode = () => `G${String(++barcode).padStart(7, "0")}`;
  return Array.from({ length: count }, (_, k) => {
    const i = startIndex + k;
    const r = (salt: number) => hash01(i * 31 + salt);
    const pick = <T,>(list: T[], salt: number) => list[Math.floor(r(salt) * list.length)];
    const shape = r(1);
    const title =
      shape < 0.35
        ? `The ${pick(ADJECTIVES, 2)} ${pick(NOUNS, 3)}`
        : shape < 0.6
          ? `${pick(NOUNS, 4)} of ${pick(PLACES, 5)}`
          : shape < 0.8
            ? `The ${pick(NOUNS, 6)}'s ${pick(NOUNS, 7)}`
            : `A ${pick(ADJECTIVES, 8)} ${pick(NOUNS, 9)} in ${pick(PLACES, 10)}`;
    const authors = [`${pick(FIRST, 11)} ${pick(LAST, 12)}`];
    if (r(13) < 0.1) authors.push(`${pick(FIRST, 14)} ${pick(LAST, 15)}`);
    const genre = pick(GENRES, 16);
    const createdAt = new Date(at.getTime() - Math.floor(r(17) * 4 * 365) * DAY_MS);
    return {
      title,
      subtitle: r(18) < 0.3 ? `Book ${1 + Math.floor(r(19) * 9)} of the ${pick(NOUNS, 20)} Cycle` : null,
      authors,
      genres: [genre],
      isbn13: syntheticIsbn(i),
      year: 1900 + Math.floor(r(21) * 126),
      language: pick(SYNTHETIC_LANGUAGES, 22),
      popularity: Math.floor(r(23) ** 3 * 5_000),
      createdAt,
      copies: copiesFor(i, genre, authors[0], createdAt, at, nextBarcode),
    };
  });
}

export type DemoAccount = { email: string; name: string; role: "ADMIN" | "LIBRARIAN" | "PATRON"; category: string; note: string; expired?: boolean };

export const DEMO_PASSWORD = "stacks-demo";

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: "admin@demo.stacks", name: "Ada Admin", role: "ADMIN", category: "STAFF", note: "administrator: policies, staff, settings" },
  { email: "librarian@demo.stacks", name: "Lee Librarian", role: "LIBRARIAN", category: "STAFF", note: "runs the desk, inventory, patrons" },
  { email: "patron@demo.stacks", name: "Pat Patron", role: "PATRON", category: "ADULT", note: "good standing, nothing on loan" },
  { email: "reader@demo.stacks", name: "Robin Reader", role: "PATRON", category: "ADULT", note: "a few books on loan" },
  { email: "overdue@demo.stacks", name: "Olive Overdue", role: "PATRON", category: "ADULT", note: "has an overdue loan" },
  { email: "fines@demo.stacks", name: "Finn Fines", role: "PATRON", category: "ADULT", note: "owes fines above the block threshold" },
  { email: "expired@demo.stacks", name: "Eve Expired", role: "PATRON", category: "ADULT", note: "library card expired", expired: true },
  { email: "child@demo.stacks", name: "Charlie Child", role: "PATRON", category: "CHILD", note: "child card: 3 loans at most" },
];

