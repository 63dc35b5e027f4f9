import { db, isUniqueViolation, type Tx } from "../db";
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

/**
 * Runs a title write; when the unique index refuses its ISBN (another write with the same ISBN
 * committed between the check and this write), the refusal is the same field error.
 */
export async function withIsbnRefusal<T>(isbn13: string | null, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    const other = isbn13 && isUniqueViolation(e, "isbn13") ? await db.title.findUnique({ where: { isbn13 }, select: { id: true, title: true } }) : null;
    throw other ? duplicateIsbn(other) : e;
  }
}

export function duplicateIsbn(other: { id: number; title: string }): DomainError {
  return new DomainError(
    "CONFLICT",
    `This ISBN is already catalogued as “${other.title}”.`,
    { isbn: `Already catalogued as “${other.title}”.`, isbnTitleId: String(other.id) },
    "DUPLICATE_ISBN",
  );
}
