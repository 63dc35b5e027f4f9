// The denormalised columns of a Title that sorting and the full-text indexes read. Every write
// to a title's text, authors or genres sets them from here.

const LEADING_ARTICLE = /^(the|a|an)\s+/i;

export function sortTitleOf(title: string): string {
  return title.trim().replace(LEADING_ARTICLE, "").toLowerCase();
}

export type TitleIndex = { sortTitle: string; authorNames: string; genreNames: string };

export function titleIndex(title: string, authors: string[], genres: string[]): TitleIndex {
  return {
    sortTitle: sortTitleOf(title),
    authorNames: authors.join(", "),
    genreNames: genres.join(", "),
  };
}

export function slugOf(name: string): string {
  return (
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "genre"
  );
}
