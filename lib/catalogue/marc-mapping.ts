import type { MarcField } from "marcjs";
import { normaliseCode } from "../codes";
import type { CsvRecord } from "./catalogue-csv";
import { normalizeIsbn } from "./isbn";

// MARC 21 bibliographic records ↔ the catalogue's own row shape, both ways, without a database
// (docs/marc.md has the table). The import turns each record into the record of cells a CSV row
// gives, so that one validation, one plan and one import serve both kinds of file.

export type MarcRecordData = { leader: string; fields: MarcField[] };

/** One holding (952 or 852): a copy with its barcode, when the record gives one, and its shelf. */
export type MarcItem = { barcode: string | null; shelfLocation: string };

/** A record read as catalogue cells, its holdings, and the problems only MARC can have. */
export type MappedRecord = { cells: CsvRecord; items: MarcItem[]; problems: string[]; label: string };

const isControl = (field: MarcField) => field[0] < "010";

// The record's data fields by tag, built once per record (the mapping asks for a dozen tags).
const byTag = new WeakMap<MarcRecordData, Map<string, MarcField[]>>();

function fieldsOf(record: MarcRecordData, ...tags: string[]): MarcField[] {
  let index = byTag.get(record);
  if (!index) {
    index = new Map();
    for (const f of record.fields) {
      if (isControl(f)) continue;
      const list = index.get(f[0]);
      if (list) list.push(f);
      else index.set(f[0], [f]);
    }
    byTag.set(record, index);
  }
  if (tags.length === 1) return index.get(tags[0]) ?? [];
  // In the record's order, as 264/260 or 650/655 are interleaved.
  return record.fields.filter((f) => tags.includes(f[0]) && index.has(f[0]) && !isControl(f));
}

function first(field: MarcField | undefined, code: string): string {
  if (!field) return "";
  for (let i = 2; i + 1 < field.length; i += 2) if (field[i] === code) return (field[i + 1] ?? "").trim();
  return "";
}

function all(field: MarcField, ...codes: string[]): string[] {
  const out: string[] = [];
  for (let i = 2; i + 1 < field.length; i += 2) {
    const value = codes.includes(field[i]) ? (field[i + 1] ?? "").trim() : "";
    if (value) out.push(value);
  }
  return out;
}

/**
 * Strips the ISBD punctuation a cataloguer ends an element with: " :", " /", " ;", " =", ",",
 * and a closing "." (but not an initial's, "J. R. R.", nor an ellipsis).
 */
export function stripIsbd(value: string): string {
  let text = value.replace(/\s+/g, " ").trim();
  for (;;) {
    const before = text;
    text = text.replace(/\s*[:/;=,]$/, "").trim();
    if (/[^.]\.$/.test(text) && !/(^|[\s.])\p{Lu}\.$/u.test(text)) text = text.slice(0, -1).trim();
    if (text === before) return text;
  }
}

/** "Hunt, Andrew," → "Andrew Hunt"; a forename-only or corporate name stays as it is. */
export function personalName(name: string, surnameFirst = true): string {
  const clean = stripIsbd(name);
  const comma = clean.indexOf(", ");
  if (!surnameFirst || comma < 0) return clean;
  return `${clean.slice(comma + 2)} ${clean.slice(0, comma)}`.trim();
}

/** The first valid ISBN among the 020 $a ("0201616220 (pbk.) :" reads as 0201616220), as ISBN-13. */
export function firstValidIsbn(values: string[]): string | null {
  for (const value of values) {
    const token = /[\dXx][\dXx\s-]{8,16}[\dXx]/.exec(value)?.[0];
    const isbn = token ? normalizeIsbn(token) : null;
    if (isbn) return isbn;
  }
  return null;
}

/** 100/110 then 700/710, in the record's order: people as "Forename Surname", bodies by $a $b. */
export function authorsOf(record: MarcRecordData): string[] {
  const name = (f: MarcField) => {
    if (f[0].endsWith("10")) return stripIsbd(all(f, "a", "b").map(stripIsbd).join(" "));
    // Indicator 1: 0 forename ("Homer"), 1 surname first, 3 family name.
    const forename = f[1]?.[0] === "0" || f[1]?.[0] === "3";
    const suffix = all(f, "b", "c").filter((v) => /^(jr|sr)\.?,?$|^[ivxlc]+\.?,?$/i.test(v)).map(stripIsbd);
    return [personalName(first(f, "a"), !forename), ...suffix].join(" ").trim();
  };
  return [...fieldsOf(record, "100", "110"), ...fieldsOf(record, "700", "710")].map(name).filter(Boolean);
}

/** 245 $a (with part $n $p) and $b, ISBD punctuation stripped. */
export function titleOf(record: MarcRecordData): { title: string; subtitle: string } {
  const f = fieldsOf(record, "245")[0];
  if (!f) return { title: "", subtitle: "" };
  return { title: stripIsbd(all(f, "a", "n", "p").map(stripIsbd).join(". ")), subtitle: stripIsbd(first(f, "b")) };
}

/** 264 (publication, indicator 2 = 1, preferred) or 260: the publisher and the year. */
function publicationOf(record: MarcRecordData): { publisher: string; year: string } {
  const f264 = fieldsOf(record, "264");
  const f = f264.find((f) => f[1]?.[1] === "1") ?? fieldsOf(record, "260")[0] ?? f264[0];
  const year = (f && /\d{4}/.exec(all(f, "c").join(" "))?.[0]) || "";
  const dated = controlValue(record, "008").slice(7, 11);
  return { publisher: f ? stripIsbd(first(f, "b")).replace(/^\[(.*)\]$/, "$1") : "", year: year || (/^\d{4}$/.test(dated) ? dated : "") };
}

/** 300 $a "xii, 321 pages :" → 321. */
export function pagesOf(extent: string): string {
  return /(\d[\d,]*)\s*(?:pages|page|p\b|pp\b|leaves)/i.exec(extent)?.[1]?.replace(/,/g, "") ?? "";
}

const controlValue = (record: MarcRecordData, tag: string) => record.fields.find((f) => f[0] === tag && isControl(f))?.[1] ?? "";

// MARC language codes (ISO 639-2/B) of the languages most catalogues hold, and their ISO 639-1
// codes, which Stacks keeps where they exist. Other codes stay as they are.
const MARC_LANGUAGES: Record<string, string> = {
  eng: "en", fre: "fr", ger: "de", spa: "es", ita: "it", por: "pt", dut: "nl", swe: "sv", nor: "no", dan: "da", fin: "fi", ice: "is",
  pol: "pl", cze: "cs", slo: "sk", hun: "hu", rum: "ro", gre: "el", rus: "ru", ukr: "uk", tur: "tr", ara: "ar", heb: "he", per: "fa",
  hin: "hi", chi: "zh", jpn: "ja", kor: "ko", vie: "vi", tha: "th", ind: "id", lat: "la", wel: "cy", gle: "ga", cat: "ca", baq: "eu",
};
const ISO_TO_MARC = Object.fromEntries(Object.entries(MARC_LANGUAGES).map(([marc, iso]) => [iso, marc]));

/** 008/35-37, else the first 041 $a: the 639-1 code where there is one. */
function languageOf(record: MarcRecordData): string {
  const candidates = [controlValue(record, "008").slice(35, 38), ...fieldsOf(record, "041").map((f) => first(f, "a").slice(0, 3))];
  const code = candidates.map((c) => c.trim().toLowerCase()).find((c) => /^[a-z]{3}$/.test(c) && !["und", "zxx", "mul", "mis"].includes(c));
  return code ? (MARC_LANGUAGES[code] ?? code) : "";
}

/** A catalogue language code as MARC writes it in 008 and 041. */
export function marcLanguage(code: string | null): string {
  if (!code) return "und";
  return ISO_TO_MARC[code] ?? (/^[a-z]{3}$/.test(code) ? code : "und");
}

/** 952 (Koha: $p barcode, $c location, $o call number) and 852 ($p barcode, $c/$b location, $h $i or $j call number). */
function itemsOf(record: MarcRecordData): { items: MarcItem[]; problems: string[] } {
  const problems: string[] = [];
  const items = fieldsOf(record, "952", "852").map((f) => {
    const callNumber = f[0] === "952" ? first(f, "o") : all(f, "h", "i").join(" ") || first(f, "j");
    const location = f[0] === "952" ? first(f, "c") : first(f, "c") || first(f, "b");
    const shelfLocation = [location, callNumber].filter(Boolean).join(" ").replace(/\s+/g, " ");
    const raw = first(f, "p");
    if (raw && (raw.length > 40 || !/^[A-Za-z0-9-]+$/.test(raw))) problems.push(`${f[0]} $p: the barcode “${raw}” must be at most 40 letters, digits and hyphens.`);
    if (shelfLocation.length > 100) problems.push(`${f[0]}: the shelf location is longer than 100 characters.`);
    return { barcode: raw ? normaliseCode(raw) : null, shelfLocation };
  });
  return { items, problems };
}

/** The catalogue's cells for one record (an empty cell is "not given": an update keeps the field). */
export function mapMarcRecord(record: MarcRecordData): MappedRecord {
  const { title, subtitle } = titleOf(record);
  const publication = publicationOf(record);
  const genres = fieldsOf(record, "650", "655").map((f) => stripIsbd(first(f, "a"))).filter(Boolean);
  const extent = fieldsOf(record, "300")[0];
  const description = fieldsOf(record, "520").map((f) => all(f, "a", "b").join(" ")).filter(Boolean).join("\n\n");
  const { items, problems } = itemsOf(record);
  const isbns = fieldsOf(record, "020").flatMap((f) => all(f, "a"));
  const cells: CsvRecord = {
    title,
    subtitle,
    authors: authorsOf(record).map((a) => a.replace(/;/g, ",")).join("; "),
    isbn: firstValidIsbn(isbns) ?? "",
    publisher: publication.publisher,
    year: publication.year,
    language: languageOf(record),
    // A title keeps at most 20 genres; a richly indexed record is cut rather than refused.
    genres: [...new Set(genres.map((g) => g.replace(/;/g, ",")))].slice(0, 20).join("; "),
    description,
    pages: extent ? pagesOf(all(extent, "a").join(" ")) : "",
    copies: String(items.length),
    shelf_location: items[0]?.shelfLocation ?? "",
    original_title: stripIsbd(first(fieldsOf(record, "240")[0], "a")),
  };
  const control = controlValue(record, "001").trim();
  const label = [title ? `“${title}”` : null, control ? `001 ${control}` : null].filter(Boolean).join(", ");
  return { cells, items, problems, label };
}

/** One catalogued title, as the export writes it. */
export type MarcTitle = {
  id: number;
  title: string;
  subtitle: string | null;
  originalTitle: string | null;
  authors: string[];
  isbn13: string | null;
  publisher: string | null;
  year: number | null;
  language: string | null;
  genres: string[];
  description: string | null;
  pageCount: number | null;
  copies: { barcode: string; shelfLocation: string }[];
};

/** "Andrew Hunt" → "Hunt, Andrew" (the heading form MARC files by); a single word stays as it is. */
export function invertedName(name: string): string {
  const parts = name.trim().split(/\s+/);
  if (parts.length < 2) return name.trim();
  return `${parts[parts.length - 1]}, ${parts.slice(0, -1).join(" ")}`;
}

/**
 * A title as a MARC 21 record in UTF-8 (leader/09 "a"): 001 its Stacks id, 008 with its year and
 * language, then the fields the import reads, so that a file exported here imports back the same.
 */
export function titleToMarc(t: MarcTitle): MarcRecordData {
  const language = marcLanguage(t.language);
  const year = t.year !== null && t.year >= 0 && t.year <= 9999 ? String(t.year).padStart(4, "0") : "    ";
  const fixed = `${"000000"}${year === "    " ? "n" : "s"}${year}    xx            000 0 ${language} d`;
  const fields: MarcField[] = [["001", `stacks-${t.id}`], ["008", fixed]];
  const data = (tag: string, ind: string, ...pairs: (string | null | undefined)[]) => {
    const sub: string[] = [];
    for (let i = 0; i < pairs.length; i += 2) if (pairs[i + 1]) sub.push(pairs[i]!, pairs[i + 1]!);
    if (sub.length) fields.push([tag, ind, ...sub]);
  };
  if (t.isbn13) data("020", "  ", "a", t.isbn13);
  if (t.language) data("041", "0 ", "a", language);
  const [main, ...added] = t.authors;
  if (main) data("100", "1 ", "a", invertedName(main));
  if (t.originalTitle) data("240", "10", "a", t.originalTitle);
  data("245", main ? "10" : "00", "a", t.subtitle ? `${t.title} :` : t.title, "b", t.subtitle);
  if (t.publisher || t.year !== null) data("264", " 1", "b", t.publisher, "c", t.year === null ? null : String(t.year));
  if (t.pageCount) data("300", "  ", "a", `${t.pageCount} pages`);
  if (t.description) data("520", "  ", "a", t.description);
  for (const genre of t.genres) data("650", " 4", "a", genre);
  for (const author of added) data("700", "1 ", "a", invertedName(author));
  for (const copy of t.copies) data("952", "  ", "o", copy.shelfLocation, "p", copy.barcode);
  return { leader: "00000nam a2200000 i 4500", fields };
}
