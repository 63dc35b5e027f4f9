// Turns what a person typed into the search box into something safe to hand to the database.
// Nothing the user typed ever reaches SQL or the full-text syntax except letters and digits:
// operators, quotes, `*`, `NEAR(` and the like are dropped, not escaped.

export const MAX_QUERY_LENGTH = 200;
export const MAX_QUERY_WORDS = 12;

/**
 * A word is a run of letters and digits, possibly joined by "." or "-" ("J.K", "3.5",
 * "Spider-Man"): PostgreSQL's parser keeps such runs whole, so the query must too.
 */
const WORD = /[\p{L}\p{N}]+(?:[.-][\p{L}\p{N}]+)*/gu;
const TOKEN = /[\p{L}\p{N}]+/gu;
const ISBN_SHAPE = /^(?:\d[\s-]*){9}[\dXx]$|^(?:\d[\s-]*){12}\d$/;

export type ParsedQuery = {
  /** The input as shown back to the user (trimmed and capped). */
  text: string;
  /** The words searched for, lower-cased, at most MAX_QUERY_WORDS. */
  words: string[];
  /** Digits of a well-formed ISBN-10 or ISBN-13 (check digit not yet validated). */
  isbnCandidate: string | null;
};

export function parseQuery(input: string | null | undefined): ParsedQuery {
  const text = (input ?? "").normalize("NFKC").slice(0, MAX_QUERY_LENGTH).trim();
  const words = (text.match(WORD) ?? []).slice(0, MAX_QUERY_WORDS).map((w) => w.toLowerCase());
  const isbnCandidate = ISBN_SHAPE.test(text) ? text.replace(/[\s-]/g, "").toUpperCase() : null;
  return { text, words, isbnCandidate };
}

/** The letters-and-digits tokens of a word: "j.k" → ["j", "k"]. */
function tokensOf(word: string): string[] {
  return word.match(TOKEN) ?? [];
}

/**
 * The word as the possessive it may stand for: "cuckoos" for "Cuckoo's", which both databases'
 * tokenizers index as "cuckoo" and "s". Null for a word that cannot be one (short, ending in
 * "ss", or not all letters).
 */
export function possessiveOf(word: string): string | null {
  return /^\p{L}{2,}[^s\P{L}]s$/u.test(word) ? word.slice(0, -1) : null;
}

/**
 * SQLite FTS5 MATCH expression: each word a quoted phrase of its tokens (FTS5's tokenizer splits
 * "J.K." into "j" "k"), the last one prefix-matched so results come while typing; a word that may
 * be a possessive typed without its apostrophe matches either way.
 * `"harry" "potter"*`, `"one" AND ("cuckoos"* OR "cuckoo s")`. Null when there is nothing to search for.
 */
export function toFtsMatch(words: string[]): string | null {
  const searched = words.filter((w) => tokensOf(w).length > 0);
  if (searched.length === 0) return null;
  const terms = searched.map((w, i) => {
    const star = i === searched.length - 1 ? "*" : "";
    const possessive = possessiveOf(w);
    // The possessive whole, never as a prefix: "game s"* would read every title with a word in s.
    return possessive ? `("${w}"${star} OR "${possessive} s")` : `"${tokensOf(w).join(" ")}"${star}`;
  });
  // FTS5 reads a bracketed group only beside an explicit AND.
  return terms.join(terms.some((t) => t.startsWith("(")) ? " AND " : " ");
}

/** Letters PostgreSQL's unaccent folds that Unicode does not decompose (the words are lower case). */
const UNACCENT_LETTERS: Record<string, string> = { ø: "o", ł: "l", đ: "d", ß: "ss", æ: "ae", œ: "oe", þ: "th", ð: "d", ı: "i", ħ: "h", ŧ: "t", ŋ: "n" };

/**
 * "márquez" → "marquez", "łódź" → "lodz": folded as unaccent folds the search vector's words. It
 * leaves Cyrillic letters whole ("война" keeps its "й") except "ё", which it reads as "е".
 */
function withoutAccents(word: string): string {
  return [...word.normalize("NFC")]
    .map((c) => UNACCENT_LETTERS[c] ?? (/\p{Script=Cyrillic}/u.test(c) && c !== "ё" ? c : c.normalize("NFD").replace(/\p{M}/gu, "")))
    .join("");
}

/**
 * PostgreSQL to_tsquery('simple', …) text: each word quoted (so the parser sees "j.k" whole, as
 * it did when indexing) and its accents folded, joined by &, the last prefix-matched, a possible
 * possessive either way. `'harry' & 'potter':*`, `'one' & ('cuckoos':* | 'cuckoo' <-> 's')`. Passed as a bound parameter, never spliced into SQL.
 */
export function toTsQuery(words: string[]): string | null {
  const parts = words.filter((w) => tokensOf(w).length > 0).map(withoutAccents);
  if (parts.length === 0) return null;
  return parts
    .map((w, i) => {
      const star = i === parts.length - 1 ? ":*" : "";
      const term = `'${w.replace(/'/g, "''")}'${star}`;
      const possessive = possessiveOf(w);
      return possessive ? `(${term} | '${possessive}' <-> 's')` : term;
    })
    .join(" & ");
}
