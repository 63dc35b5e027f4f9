// Spelling correction of search words against the catalogue's own words: pure, so the rules are
// unit-tested without a database. A word the catalogue holds is changed only when the query found
// nothing as typed: joined to the next word the catalogue writes with it, read as initials, or,
// in a query of one or two words and no filter, respelt.

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

const NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"];
const ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
const ORDINAL_SUFFIXES = ["st", "nd", "rd", "th", "th", "th", "th", "th", "th", "th"];
/** A number in words and in digits, each way: "nine" and "9", "fourth" and "4th". */
const NUMBERS = new Map<string, string>([
  ...NUMBER_WORDS.flatMap((w, i): [string, string][] => [[w, String(i + 1)], [String(i + 1), w]]),
  ...ORDINAL_WORDS.flatMap((w, i): [string, string][] => [[w, `${i + 1}${ORDINAL_SUFFIXES[i]}`], [`${i + 1}${ORDINAL_SUFFIXES[i]}`, w]]),
]);

/** Whether `candidate` is `word` with two neighbouring letters swapped ("eyer" and "eyre"). */
function isSwap(word: string, candidate: string): boolean {
  if (word.length !== candidate.length) return false;
  const at = [...word].findIndex((c, i) => c !== candidate[i]);
  return at >= 0 && at < word.length - 1 && word[at] === candidate[at + 1] && word[at + 1] === candidate[at] && word.slice(at + 2) === candidate.slice(at + 2);
}

/**
 * The edits between a typed word and a catalogue word, weighed as people mistype: a doubled
 * letter typed once ("poter" for "potter") or two letters swapped ("eyer" for "eyre") weighs half
 * an edit, a wrong first letter (rarely mistyped: "hary" is "harry" before it is "mary") half an
 * edit more.
 */
function weighedDistance(word: string, candidate: string, distance: number): number {
  let weight = distance;
  if (candidate.length === word.length + 1 && [...candidate].some((c, i) => i > 0 && c === candidate[i - 1] && candidate.slice(0, i) + candidate.slice(i + 1) === word)) weight -= 0.5;
  else if (isSwap(word, candidate)) weight -= 0.5;
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
  /** Words by how they sound (soundKey), most used first. */
  soundsLike: Map<string, string[]>;
};

/**
 * A word as it sounds, for misspellings too far apart in letters: "twilite" and "twilight",
 * "filosofer" and "philosopher", "hary" and "harry".
 */
function soundKey(word: string): string {
  return word.replace(/ight/g, "ite").replace(/ph/g, "f").replace(/ck/g, "k").replace(/(.)\1+/g, "$1");
}

const indexes = new WeakMap<Vocabulary, VocabularyIndex>();

function indexOf(vocabulary: Vocabulary): VocabularyIndex {
  let index = indexes.get(vocabulary);
  if (!index) {
    index = { sorted: [...vocabulary.keys()].sort(), byLength: new Map(), initials: new Map(), soundsLike: new Map() };
    for (const [word, uses] of [...vocabulary].sort((a, b) => b[1] - a[1])) {
      const key = soundKey(word);
      const soundsLike = index.soundsLike.get(key) ?? [];
      soundsLike.push(word);
      index.soundsLike.set(key, soundsLike);
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

/** The catalogue's words within the edits a word's length allows, nearest first, then most used. */
function nearestWords(word: string, vocabulary: Vocabulary): string[] {
  const limit = maxEdits(word.length);
  if (limit === 0) return [];
  const near: { word: string; distance: number; uses: number }[] = [];
  for (let length = word.length - limit; length <= word.length + limit; length++) {
    for (const [candidate, uses] of indexOf(vocabulary).byLength.get(length) ?? []) {
      const edits = editDistance(word, candidate, limit);
      if (edits <= limit) near.push({ word: candidate, distance: weighedDistance(word, candidate, edits), uses });
    }
  }
  return near.sort((a, b) => a.distance - b.distance || b.uses - a.uses).map((n) => n.word);
}

/** A run-together title of three catalogue words ("lifeofpi" → "life of pi"). */
function threeWords(word: string, vocabulary: Vocabulary): string | null {
  for (let first = 2; first <= word.length - 3; first++) {
    if (!vocabulary.has(word.slice(0, first))) continue;
    for (let second = first + 1; second <= word.length - 1; second++) {
      const parts = [word.slice(0, first), word.slice(first, second), word.slice(second)];
      if (parts.every((p) => vocabulary.has(p)) && parts.some((p) => p.length >= 3)) return parts.join(" ");
    }
  }
  return null;
}

/** Numbers typed with two digits swapped ("415" for "451"): the one edit a three-digit number gets. */
function swappedNumbers(word: string, vocabulary: Vocabulary): string[] {
  if (!/^\d{3,}$/.test(word)) return [];
  return (indexOf(vocabulary).byLength.get(word.length) ?? []).map(([candidate]) => candidate).filter((candidate) => isSwap(word, candidate));
}

/**
 * The catalogue's spellings a typed word may have meant, likeliest first: as typed when the
 * catalogue holds it, its singular, a number in digits or words, two or three words run
 * together, initials without their points, a word that sounds the same, the nearest words by
 * edits, a number with digits swapped.
 */
function spellingsOf(word: string, vocabulary: Vocabulary): string[] {
  if (vocabulary.has(word)) return [word];
  return otherSpellingsOf(word, vocabulary);
}

/** The spellings of spellingsOf but the word itself, for a word the catalogue may hold too. */
function otherSpellingsOf(word: string, vocabulary: Vocabulary): string[] {
  const index = indexOf(vocabulary);
  const spellings: (string | null | undefined)[] = [];
  for (const singular of [word.replace(/'?s$/, ""), word.replace(/es$/, "")]) {
    if (singular.length >= 3 && singular !== word && vocabulary.has(singular)) spellings.push(singular);
  }
  const number = NUMBERS.get(word);
  if (number && vocabulary.has(number)) spellings.push(number);
  for (let cut = 2; cut <= word.length - 2; cut++) {
    const [left, right] = [word.slice(0, cut), word.slice(cut)];
    if (vocabulary.has(left) && vocabulary.has(right) && right.length >= 3) spellings.push(`${left} ${right}`);
  }
  // Initials typed without their points ("jrr", "el") are the catalogue's "j.r.r", "e.l".
  spellings.push(index.initials.get(word));
  if (word.length > 3) spellings.push(...(index.soundsLike.get(soundKey(word)) ?? []));
  spellings.push(...nearestWords(word, vocabulary), threeWords(word, vocabulary), ...swappedNumbers(word, vocabulary));
  return [...new Set(spellings.filter((s): s is string => Boolean(s) && s !== word))];
}

/** Whether a typed word is one token (a word typed with punctuation inside is left as typed). */
function typedToken(typed: string): string | null {
  const tokens = foldedTokens(typed);
  return tokens.length === 1 ? tokens[0] : null;
}

/**
 * The query's words spelled as the catalogue spells them. The last word is left alone when some
 * catalogue word starts with it (it is still being typed), unless `lastWordWhole` says it was
 * not a prefix that found nothing; a word nothing is near stays as typed.
 */
export function correctWords(words: string[], vocabulary: Vocabulary, { lastWordWhole = false } = {}): string[] {
  return correctEach(words, vocabulary, lastWordWhole, (token) => spellingsOf(token, vocabulary)).flat();
}

/** Each word as its likeliest spelling (`spell` lists them); a word nothing is near stays as typed. */
function correctEach(words: string[], vocabulary: Vocabulary, lastWordWhole: boolean, spell: (token: string) => string[]): string[][] {
  return words.flatMap((typed, i) => {
    if (foldedTokens(typed).length === 0) return [];
    const token = typedToken(typed);
    if (token === null) return [[typed]];
    if (!lastWordWhole && i === words.length - 1 && hasWordStartingWith(vocabulary, token)) return [[typed]];
    return [(spell(token)[0] ?? typed).split(" ")];
  });
}

/** Most spellings of a query tried against the catalogue before settling for part of it. */
export const MAX_SPELLINGS = 8;

/** A query's words as compared: folded, initials kept apart ("Brontë" is "bronte", "j.r.r" is not "jrr"). */
function comparable(words: string[]): string {
  return words.map((w) => foldedTokens(w).join(".")).filter((w) => w.length > 0).join(" ");
}

export type Spellings = {
  /** The spellings to try in turn, likeliest first; the query as typed is not among them. */
  tries: string[][];
  /** The query with each word corrected, when that changed a word: the words to search in part when no try finds anything. */
  corrected: string[] | null;
};

/**
 * The spellings of a query that found nothing, for the search to try in turn until one finds
 * titles: each word corrected (its last word kept as a prefix, then whole), then each word the
 * catalogue lacks in its next likeliest spellings, one word at a time, and a word it holds only
 * as the initials it also is ("el james": "e.l"); two words the catalogue writes as one; in a
 * query of one or two words, unless `respellKnownWords` is false (a filter is set), a word it
 * holds in its likeliest other spellings.
 */
export function spellingCandidates(words: string[], vocabulary: Vocabulary, { respellKnownWords = true } = {}): Spellings {
  const typed = comparable(words);
  const tries = new Map<string, string[]>();
  const add = (perWord: string[][]) => {
    const flat = perWord.flat();
    const key = comparable(flat);
    if (key !== typed && key.length > 0 && !tries.has(key) && tries.size < MAX_SPELLINGS) tries.set(key, flat);
  };
  // Each word's spellings found once: the two corrections and the alternatives share them.
  const found = new Map<string, string[]>();
  const spell = (token: string) => found.get(token) ?? found.set(token, spellingsOf(token, vocabulary)).get(token)!;
  const asPrefix = correctEach(words, vocabulary, false, spell);
  const best = correctEach(words, vocabulary, true, spell);
  add(asPrefix);
  add(best);
  const corrected = [asPrefix.flat(), best.flat()].find((w) => comparable(w) !== typed) ?? null;
  const searchable = words.filter((w) => foldedTokens(w).length > 0);
  const tokens = searchable.map(typedToken);
  // Two words typed apart that the catalogue writes as one ("good night moon": "goodnight").
  tokens.forEach((token, i) => {
    const next = tokens[i + 1];
    if (token && next && vocabulary.has(token + next)) add([...best.slice(0, i), [token + next], ...best.slice(i + 2)]);
  });
  tokens.forEach((token, i) => {
    if (token === null || tries.size >= MAX_SPELLINGS) return;
    // A word the catalogue holds stays (another word of the query is the one to drop), unless
    // it is also initials the catalogue writes with points.
    const initials = indexOf(vocabulary).initials.get(token);
    const spellings = vocabulary.has(token) ? (initials ? [initials] : []) : spell(token).slice(0, 4);
    for (const spelling of spellings) add(best.map((w, j) => (j === i ? spelling.split(" ") : w)));
  });
  // One or two words the catalogue holds that no title holds together: one of them may be
  // another word mistyped ("clockwork angle" for "angel"). Longer queries are searched in part
  // instead, and a filtered search may have found nothing for its filter's sake.
  // Each such try changes that one word of the query as typed: two guesses at once find strays.
  // The words the partial search would use (search-catalogue.ts): more than one letter, not "and".
  if (respellKnownWords && searchable.filter((w) => w.length > 1 && w !== "and").length < 3) {
    tokens.forEach((token, i) => {
      if (token === null || !vocabulary.has(token)) return;
      // A word the catalogue holds is not split: its parts would be other words entirely.
      for (const spelling of otherSpellingsOf(token, vocabulary).filter((w) => !w.includes(" ")).slice(0, 3)) add(tokens.map((t, j) => (j === i ? [spelling] : [t ?? searchable[j]])));
    });
  }
  return { tries: [...tries.values()], corrected };
}
