import { recordAudit } from "../audit";
import { db } from "../db";
import { assertIsbnFree, withIsbnRefusal } from "./duplicate-isbn";
import { type TitleInput, titleColumns } from "./schemas";
import { indexColumns, linkTitleNames } from "./title-names";

export type CreateTitleOptions = {
  input: TitleInput;
  actorId: number;
  /** Another system acting through the API ("API key Discovery"), for the audit entry. */
  via?: string;
};

/** Catalogues a new title with its authors (in order) and genres. */
export async function createTitle({ input, actorId, via }: CreateTitleOptions): Promise<{ id: number }> {
  return withIsbnRefusal(input.isbn, () => db.$transaction(async (tx) => {
    await assertIsbnFree(tx, input.isbn);
    const title = await tx.title.create({
      data: { ...titleColumns(input), ...indexColumns(input.title, { authors: [], genres: [] }) },
    });
    const names = await linkTitleNames(tx, title.id, input.authors, input.genres);
    await tx.title.update({ where: { id: title.id }, data: indexColumns(input.title, names) });
    await recordAudit(tx, { actorId, action: "title.create", entityType: "Title", entityId: title.id, details: { title: input.title, isbn13: input.isbn, ...(via ? { via } : {}) } });
    return { id: title.id };
  }));
}
