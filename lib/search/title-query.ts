import { normalizeIsbn } from "../catalogue/isbn";
import { fullTextQuery } from "../sql-dialect";
import type { ParsedQuery } from "./parse-query";

/**
 * What a search box asks of the titles, shared by the catalogue search and the inventory: an
 * ISBN in any form finds its title exactly; otherwise the words become this database's
 * full-text query (null when they hold nothing searchable, or there are none).
 */
export function titleQuery(parsed: ParsedQuery): { isbn13: string | null; match: string | null } {
  const isbn13 = parsed.isbnCandidate ? normalizeIsbn(parsed.isbnCandidate) : null;
  return { isbn13, match: isbn13 ? null : fullTextQuery(parsed.words) };
}
