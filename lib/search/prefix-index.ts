// Suggestions while a patron types: every typed word is the start of a word of the entry
// ("hung ga" → "The Hunger Games"). Pure, so the rules and their cost are tested without a database.

import { foldedTokens } from "./spelling";

export type PrefixEntry<T> = { text: string; weight: number; value: T };

/** Candidates gathered from the word lists below this many; above it, walking the entries by weight finds enough sooner. */
const GATHER_LIMIT = 20_000;

export class PrefixIndex<T> {
  /** Entries by weight, heaviest first: an entry's number is its rank. */
  private readonly entries: { tokens: string[]; value: T }[];
  /** Every distinct word, sorted, with the ranks of the entries holding it (ascending). */
  private readonly words: string[];
  private readonly postings: Uint32Array[];
  /** postingsBefore[i]: the length of all postings of words[0..i), so a prefix's candidates are counted without reading them. */
  private readonly postingsBefore: Float64Array;

  constructor(entries: PrefixEntry<T>[]) {
    const sorted = [...entries].sort((a, b) => b.weight - a.weight);
    this.entries = sorted.map((e) => ({ tokens: [...new Set(foldedTokens(e.text))], value: e.value }));
    const byWord = new Map<string, number[]>();
    this.entries.forEach((entry, rank) => {
      for (const token of entry.tokens) {
        const list = byWord.get(token);
        if (list) list.push(rank);
        else byWord.set(token, [rank]);
      }
    });
    this.words = [...byWord.keys()].sort();
    this.postings = this.words.map((w) => Uint32Array.from(byWord.get(w)!));
    this.postingsBefore = new Float64Array(this.words.length + 1);
    for (let i = 0; i < this.words.length; i++) this.postingsBefore[i + 1] = this.postingsBefore[i] + this.postings[i].length;
  }

  get size(): number {
    return this.entries.length;
  }

  /** The first word index at or after `prefix`, and the first after every word starting with it. */
  private range(prefix: string): [number, number] {
    const lowerBound = (key: string) => {
      let lo = 0;
      let hi = this.words.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (this.words[mid] < key) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    return [lowerBound(prefix), lowerBound(`${prefix}\uffff`)];
  }

  /** The heaviest entries whose words start with every typed word, at most `limit`. */
  search(typed: string, limit: number): T[] {
    const prefixes = [...new Set(foldedTokens(typed))];
    if (prefixes.length === 0 || limit <= 0) return [];
    const ranges = prefixes.map((p) => this.range(p));
    const sizes = ranges.map(([lo, hi]) => this.postingsBefore[hi] - this.postingsBefore[lo]);
    if (sizes.some((n) => n === 0)) return [];
    const matches = (rank: number) => prefixes.every((p) => this.entries[rank].tokens.some((t) => t.startsWith(p)));

    const narrowest = sizes.indexOf(Math.min(...sizes));
    const found: T[] = [];
    if (sizes[narrowest] <= GATHER_LIMIT) {
      const [lo, hi] = ranges[narrowest];
      const ranks = new Set<number>();
      for (let w = lo; w < hi; w++) for (const rank of this.postings[w]) ranks.add(rank);
      for (const rank of [...ranks].sort((a, b) => a - b)) {
        if (!matches(rank)) continue;
        found.push(this.entries[rank].value);
        if (found.length === limit) break;
      }
      return found;
    }
    // Every typed word is common: the heaviest entries match soon.
    for (let rank = 0; rank < this.entries.length && found.length < limit; rank++) {
      if (matches(rank)) found.push(this.entries[rank].value);
    }
    return found;
  }
}
