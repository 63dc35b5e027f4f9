import { recordAudit } from "../audit";
import { db } from "../db";
import { DomainError } from "../errors";
import { assertIsbnFree, withIsbnRefusal } from "./duplicate-isbn";
import { type TitleInput, titleColumns } from "./schemas";
import { indexColumns, linkTitleNames } from "./title-names";

export type UpdateTitleOptions = {
  titleId: number;
  input: TitleInput;
  actorId: number;
  /** Another system acting through the API ("API key Discovery"), for the audit entry. */
  via?: string;
};

/** Saves a title's record, authors and genres, and the sort and search columns that follow them. */
export async function updateTitle({ titleId, input, actorId, via }: UpdateTitleOptions): Promise<{ id: number }> {
  return withIsbnRefusal(input.isbn, () => db.$transaction(async (tx) => {
    await assertIsbnFree(tx, input.isbn, titleId);
    const { count } = await tx.title.updateMany({
      where: { id: titleId },
      data: titleColumns(input),
    });
    if (count !== 1) throw new DomainError("NOT_FOUND", "This title no longer exists.");
    const names = await linkTitleNames(tx, titleId, input.authors, input.genres);
    await tx.title.update({ where: { id: titleId }, data: indexColumns(input.title, names) });
    await recordAudit(tx, { actorId, action: "title.update", entityType: "Title", entityId: titleId, details: { title: input.title, isbn13: input.isbn, ...(via ? { via } : {}) } });
    return { id: titleId };
  }));
}
