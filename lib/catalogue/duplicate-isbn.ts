import type { Tx } from "../db";
import { DomainError } from "../errors";

/**
 * Refuses an ISBN another title already has. The refusal names that title, and carries its id in
 * `fields.isbnTitleId` so the form can link to it. Checked inside the write's transaction; the
 * unique index on Title.isbn13 stands behind it.
 */
export async function assertIsbnFree(tx: Tx, isbn13: string | null, exceptTitleId?: number): Promise<void> {
  if (!isbn13) return;
  const other = await tx.title.findUnique({ where: { isbn13 }, select: { id: true, title: true } });
  if (other && other.id !== exceptTitleId) throw duplicateIsbn(other);
}

export function duplicateIsbn(other: { id: number; title: string }): DomainError {
  return new DomainError(
    "CONFLICT",
    `This ISBN is already catalogued as “${other.title}”.`,
    { isbn: `Already catalogued as “${other.title}”.`, isbnTitleId: String(other.id) },
    "DUPLICATE_ISBN",
  );
}
