import { foldedTokens } from "./spelling";

export type AuthorName = { id: number; name: string };

/**
 * The authors an author filter means: those whose name is the one typed (case and accents
 * aside), and failing that, those whose name holds every typed word as a whole word, so
 * "tolkien" or "Garcia Marquez" find "J.R.R. Tolkien" and "Gabriel García Márquez" while
 * "Tolk" finds nobody.
 */
export function matchingAuthorIds(typed: string, authors: readonly AuthorName[]): number[] {
  const words = foldedTokens(typed);
  if (words.length === 0) return [];
  const whole = words.join(" ");
  const exact: number[] = [];
  const partial: number[] = [];
  for (const author of authors) {
    const tokens = foldedTokens(author.name);
    if (tokens.join(" ") === whole) exact.push(author.id);
    else if (words.every((w) => tokens.includes(w))) partial.push(author.id);
  }
  return exact.length > 0 ? exact : partial;
}
