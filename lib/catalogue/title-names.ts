import type { Tx } from "../db";
import { slugOf, titleIndex } from "./title-index";

/**
 * Points a title at its authors (in order) and genres, creating the ones not yet known, and
 * returns the names as stored (an existing genre keeps its own spelling: "science fiction" is
 * the "Science Fiction" genre). For the forms: a handful of names, one upsert each.
 */
export async function linkTitleNames(tx: Tx, titleId: number, authors: string[], genres: string[]) {
  await tx.titleAuthor.deleteMany({ where: { titleId } });
  await tx.titleGenre.deleteMany({ where: { titleId } });
  const authorRows = [];
  for (const name of authors) authorRows.push(await tx.author.upsert({ where: { name }, update: {}, create: { name } }));
  const genreRows = [];
  for (const name of genres) {
    const slug = slugOf(name);
    genreRows.push(await tx.genre.upsert({ where: { slug }, update: {}, create: { name, slug } }));
  }
  // Two spellings of one genre ("Sci-fi", "sci fi") land on one row.
  const uniqueGenres = [...new Map(genreRows.map((g) => [g.id, g])).values()];
  if (authorRows.length) await tx.titleAuthor.createMany({ data: authorRows.map((a, position) => ({ titleId, authorId: a.id, position })) });
  if (uniqueGenres.length) await tx.titleGenre.createMany({ data: uniqueGenres.map((g) => ({ titleId, genreId: g.id })) });
  return { authors: authorRows.map((a) => a.name), genres: uniqueGenres.map((g) => g.name) };
}

/** The denormalised columns for a title with these stored names. */
export function indexColumns(title: string, names: { authors: string[]; genres: string[] }) {
  return titleIndex(title, names.authors, names.genres);
}
