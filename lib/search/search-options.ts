// The state of a catalogue search, read from and written to the URL (GET form, shareable links).
// Reading is forgiving: a hand-edited or stale link never fails, unknown values are ignored.

import { firstParam as first, oneOf, type RawParams } from "../url-params";

export const SORTS = ["relevance", "popularity", "title", "author", "year", "newest"] as const;
export type SearchSort = (typeof SORTS)[number];

export const SORT_LABELS: Record<SearchSort, string> = {
  relevance: "Relevance",
  popularity: "Most popular",
  title: "Title A–Z",
  author: "Author A–Z",
  year: "Year, newest first",
  newest: "Recently added",
};

export const PAGE_SIZE = 20;
/**
 * Counting and paging stop at 1,000 results: nobody reads further, and counting every match of
 * a common word across 100,000 titles would cost each search more than finding its page.
 */
export const MAX_PAGE = 50;

export type SearchOptions = {
  q: string;
  genre: string | null;
  author: string | null;
  language: string | null;
  yearFrom: number | null;
  yearTo: number | null;
  availableNow: boolean;
  /** Null: relevance with words to rank, popularity without. */
  sort: SearchSort | null;
  page: number;
};

export const EMPTY_SEARCH: SearchOptions = {
  q: "",
  genre: null,
  author: null,
  language: null,
  yearFrom: null,
  yearTo: null,
  availableNow: false,
  sort: null,
  page: 1,
};

function text(params: RawParams, key: string, max = 200): string | null {
  const value = first(params, key).slice(0, max);
  return value.length > 0 ? value : null;
}

function year(params: RawParams, key: string): number | null {
  const value = first(params, key);
  if (!/^-?\d{1,4}$/.test(value)) return null;
  return Number(value);
}

export function parseSearchParams(params: RawParams): SearchOptions {
  const sort = first(params, "sort");
  const page = Number(first(params, "page"));
  return {
    q: first(params, "q").slice(0, 5_000),
    genre: text(params, "genre", 100),
    author: text(params, "author"),
    language: text(params, "language", 20),
    yearFrom: year(params, "from"),
    yearTo: year(params, "to"),
    availableNow: ["1", "on", "true"].includes(first(params, "available")),
    sort: oneOf(sort, SORTS, null),
    page: Number.isInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
  };
}

/** Whether a filter narrows the search beyond its words: genre, author, language, years, on the shelf now. */
export function hasFilters(options: Pick<SearchOptions, "genre" | "author" | "language" | "yearFrom" | "yearTo" | "availableNow">): boolean {
  return Boolean(options.genre || options.author || options.language || options.yearFrom !== null || options.yearTo !== null || options.availableNow);
}

/**
 * Why the year range cannot be searched (the first year after the last), or null. Such a range
 * is not applied: the page says so beside the years, which keep what was typed.
 */
export function yearRangeError(options: Pick<SearchOptions, "yearFrom" | "yearTo">): string | null {
  if (options.yearFrom === null || options.yearTo === null || options.yearFrom <= options.yearTo) return null;
  return `“From” (${options.yearFrom}) is after “To” (${options.yearTo}): change one of them. The years are not applied.`;
}

/** The sort actually applied: relevance needs words to rank by. */
export function effectiveSort(options: Pick<SearchOptions, "q" | "sort">, hasWords: boolean): SearchSort {
  if (options.sort === "relevance" || options.sort === null) return hasWords ? "relevance" : "popularity";
  return options.sort;
}

/** A /search link for these options; page 1 and defaults are left out to keep links short. */
export function searchHref(options: Partial<SearchOptions>): string {
  const params = new URLSearchParams();
  if (options.q) params.set("q", options.q);
  if (options.genre) params.set("genre", options.genre);
  if (options.author) params.set("author", options.author);
  if (options.language) params.set("language", options.language);
  if (options.yearFrom != null) params.set("from", String(options.yearFrom));
  if (options.yearTo != null) params.set("to", String(options.yearTo));
  if (options.availableNow) params.set("available", "1");
  if (options.sort) params.set("sort", options.sort);
  if (options.page && options.page > 1) params.set("page", String(options.page));
  const query = params.toString();
  return query ? `/search?${query}` : "/search";
}
