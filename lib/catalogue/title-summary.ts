/** A title's row as raw SQL hands it back (drivers give integers as bigint on PostgreSQL). */
export type TitleSummaryRow = { id: number | bigint; title: string; subtitle: string | null; authorNames: string; year: number | bigint | null; coverPath: string | null };

/** What every list of titles shows of each (search results, the inventory), with plain numbers. */
export function titleSummary(r: TitleSummaryRow) {
  return { id: Number(r.id), title: r.title, subtitle: r.subtitle, authorNames: r.authorNames, year: r.year === null ? null : Number(r.year), coverPath: r.coverPath };
}
