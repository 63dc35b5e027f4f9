// What the search box's suggestions are and where each leads: pure, shared by the route that
// answers them and the box that shows them.

import { searchHref } from "./search-options";

export type TitleSuggestion = { id: number; title: string; authorNames: string };
export type AuthorSuggestion = { name: string };
export type Suggestions = { titles: TitleSuggestion[]; authors: AuthorSuggestion[] };

export const SUGGESTIONS_PATH = "/api/search/suggestions";
/** Shorter than this, a prefix says too little to suggest anything by. */
export const MIN_SUGGEST_LENGTH = 2;

/** A title leads to its page, an author to their books. */
export function titleSuggestionHref(s: TitleSuggestion): string {
  return `/books/${s.id}`;
}

export function authorSuggestionHref(s: AuthorSuggestion): string {
  return searchHref({ author: s.name });
}
