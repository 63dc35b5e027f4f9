import { languageName } from "../catalogue/language-name";

// The counts beside the results (how many of the matching titles are in each genre, by each
// author, in each language and decade, on the shelf now): pure, shaped from one grouped query.

export type FacetName = "genre" | "author" | "language" | "decade" | "available";
export type FacetValue = { value: string; label: string; count: number };
export type SearchFacets = {
  genre: FacetValue[];
  author: FacetValue[];
  language: FacetValue[];
  decade: FacetValue[];
  /** Matching titles with a copy on the shelf. */
  available: number;
  /** True when the counts are of the first matches only (the total is capped too). */
  sampled: boolean;
};

export type FacetRow = { facet: string; value: string | null; label: string | null; n: number | bigint };

/** Most values a facet lists: the rest are a filter away. */
export const FACET_VALUES = 8;

export function shapeFacets(rows: FacetRow[], sampled: boolean): SearchFacets {
  const facets: SearchFacets = { genre: [], author: [], language: [], decade: [], available: 0, sampled };
  for (const row of rows) {
    const count = Number(row.n);
    if (row.facet === "available") facets.available = count;
    else if (row.value !== null && count > 0 && (row.facet === "genre" || row.facet === "author" || row.facet === "language" || row.facet === "decade")) {
      const label = row.facet === "language" ? languageName(row.value) : row.facet === "decade" ? `${row.value}s` : (row.label ?? row.value);
      facets[row.facet].push({ value: row.value, label, count });
    }
  }
  const byCount = (a: FacetValue, b: FacetValue) => b.count - a.count || a.label.localeCompare(b.label);
  facets.genre = facets.genre.sort(byCount).slice(0, FACET_VALUES);
  facets.author = facets.author.sort(byCount).slice(0, FACET_VALUES);
  facets.language = facets.language.sort(byCount).slice(0, FACET_VALUES);
  // Decades read in time order, newest first, the way a patron scans them.
  facets.decade = facets.decade.sort((a, b) => Number(b.value) - Number(a.value)).slice(0, FACET_VALUES * 2);
  return facets;
}

/** The year range a decade facet sets: "1990" → 1990–1999. */
export function decadeRange(value: string): { yearFrom: number; yearTo: number } {
  const from = Number(value);
  return { yearFrom: from, yearTo: from + 9 };
}
