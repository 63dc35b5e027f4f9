// Spelling correction of search words against the catalogue's own words: pure, so the rules are
// unit-tested without a database. A word the catalogue holds is never changed.

/** Word → how many titles use it (title, subtitle, original title, authors). */
export type Vocabulary = Map<string, number>;

const TOKEN = /[\p{L}\p{N}]+/gu;

/** Lower-case tokens with diacritics folded: "Brontë" → "bronte". */
export function foldedTokens(text: string): string[] {
  return (
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .match(TOKEN) ?? []
  );
}

/** Edits allowed for a word of this length: short words are too easily another word. */
export function maxEdits(length: number): number {
  if (length <= 3) return 0;
  return length <= 5 ? 1 : 2;
}

/**
 * The edits between a typed word and a catalogue word, weighed as people mistype: a doubled
 * letter typed once ("poter" for "potter") weighs half an edit, a wrong first letter (rarely
 * mistyped: "hary" is "harry" before it is "mary") half an edit more.
 */
function weighedDistance(word: string, candidate: string, distance: number): number {
  let weight = distance;
  if (candidate.length === word.length + 1 && [...candidate].some((c, i) => i > 0 && c === candidate[i - 1] && candidate.slice(0, i) + candidate.slice(i + 1) === word)) weight -= 0.5;
  if (candidate[0] !== word[0]) weight += 0.5;
  return weight;
}

// Rows of the distance table, kept between calls: a correction compares thousands of words.
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Optimal-string-alignment distance (Damerau-Levenshtein with adjacent swaps), capped: returns limit + 1 beyond it. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (b.length + 1 > rows[0].length) rows = rows.map(() => new Int32Array(b.length + 1));
  let [prev2, prev, cur] = rows;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[b.length];
}

/** What corrections look up in a vocabulary, built once per vocabulary. */
type VocabularyIndex = {
  /** Every word, sorted: the words starting with a prefix are one run of it. */
  sorted: string[];
  /** The words by length: a word within n edits is at most n letters longer or shorter. */
  byLength: Map<number, [string, number][]>;
  /** Initials without their points ("jrr") → as the catalogue writes them ("j.r.r"). */
  initials: Map<string, string>;
};

const indexes = new WeakMap<Vocabulary, VocabularyIndex>();

function indexOf(vocabulary: Vocabulary): VocabularyIndex {
  let index = indexes.get(vocabulary);
  if (!index) {
    index = { sorted: [...vocabulary.keys()].sort(), byLength: new Map(), initials: new Map() };
    for (const [word, uses] of vocabulary) {
      const sameLength = index.byLength.get(word.length) ?? [];
      sameLength.push([word, uses]);
      index.byLength.set(word.length, sameLength);
      if (word.includes(".") && !index.initials.has(word.replaceAll(".", ""))) index.initials.set(word.replaceAll(".", ""), word);
    }
    indexes.set(vocabulary, index);
  }
  return index;
}

/** Whether some catalogue word starts with `prefix` (a binary search of the sorted words). */
function hasWordStartingWith(vocabulary: Vocabulary, prefix: string): boolean {
  const { sorted } = indexOf(vocabulary);
  let [low, high] = [0, sorted.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < prefix) low = middle + 1;
    else high = middle;
  }
  return low < sorted.length && sorted[low].startsWith(prefix);
}

/**
 * The catalogue's nearest word to one the catalogue lacks: fewest edits, then most used.
 * "davinci" splits into two catalogue words ("da vinci"); a plural falls back to its singular.
 * Null when nothing is near enough.
 */
export function correctWord(word: string, vocabulary: Vocabulary): string | null {
  if (vocabulary.has(word)) return word;
  for (const singular of [word.replace(/'?s$/, ""), word.replace(/es$/, "")]) {
    if (singular.length >= 3 && singular !== word && vocabulary.has(singular)) return singular;
  }
  for (let cut = 2; cut <= word.length - 2; cut++) {
    const [left, right] = [word.slice(0, cut), word.slice(cut)];
    if (vocabulary.has(left) && vocabulary.has(right) && right.length >= 3) return `${left} ${right}`;
  }
  // Initials typed without their points ("jrr") are the catalogue's "j.r.r".
  const index = indexOf(vocabulary);
  const initials = index.initials.get(word);
  if (initials) return initials;
  const limit = maxEdits(word.length);
  if (limit === 0) return null;
  let best: { word: string; distance: number; uses: number } | null = null;
  for (let length = word.length - limit; length <= word.length + limit; length++) {
    for (const [candidate, uses] of index.byLength.get(length) ?? []) {
      const edits = editDistance(word, candidate, limit);
      if (edits > limit) continue;
      const distance = weighedDistance(word, candidate, edits);
      if (!best || distance < best.distance || (distance === best.distance && uses > best.uses)) best = { word: candidate, distance, uses };
    }
  }
  return best?.word ?? null;
}

/**
 * The query's words spelled as the catalogue spells them. The last word is left alone when some
 * catalogue word starts with it (it is still being typed), unless `lastWordWhole` says it was
 * not a prefix that found nothing; a word nothing is near stays as typed.
 */
export function correctWords(words: string[], vocabulary: Vocabulary, { lastWordWhole = false } = {}): string[] {
  return words.flatMap((typed, i) => {
    const folded = foldedTokens(typed).join("");
    if (folded.length === 0) return [];
    if (foldedTokens(typed).length > 1) return [typed];
    if (!lastWordWhole && i === words.length - 1 && hasWordStartingWith(vocabulary, folded)) return [typed];
    const corrected = correctWord(folded, vocabulary);
    return (corrected ?? typed).split(" ");
  });
}
