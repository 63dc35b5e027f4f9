"use server";

import { redirect } from "next/navigation";
import { serverAction } from "@/app/_lib/server-action";
import { addCopy } from "@/lib/catalogue/add-copy";
import { createTitle } from "@/lib/catalogue/create-title";
import { deleteCopy } from "@/lib/catalogue/delete-copy";
import { deleteTitle } from "@/lib/catalogue/delete-title";
import { importCatalogue } from "@/lib/catalogue/import-catalogue";
import { catalogueUpload } from "@/lib/catalogue/catalogue-file";
import { previewImport } from "@/lib/catalogue/preview-import";
import { addCopySchema, copyIdSchema, titleIdSchema, titleSchema, updateCopySchema } from "@/lib/catalogue/schemas";
import { restoreTitle } from "@/lib/catalogue/restore-title";
import { setTitleCover } from "@/lib/catalogue/set-title-cover";
import { updateCopy } from "@/lib/catalogue/update-copy";
import { updateTitle } from "@/lib/catalogue/update-title";
import { withdrawCopy } from "@/lib/catalogue/withdraw-copy";
import { withdrawTitle } from "@/lib/catalogue/withdraw-title";
import { DomainError } from "@/lib/errors";
import { plural } from "@/lib/format";
import { requireStaff } from "@/lib/session";
import { COVER_TOO_LARGE, MAX_COVER_BYTES } from "@/lib/upload-limits";
import { formObject, parseInput } from "@/lib/validation";

const titlePages = (titleId: number) => ["/admin/inventory", `/admin/inventory/${titleId}`, `/books/${titleId}`];

/** Copy forms carry their title's id only to say which pages to refresh. */
const copyTitlePages = (form: FormData) => titlePages(Number(form.get("titleId")));

export const createTitleAction = serverAction({
  guard: requireStaff,
  input: titleSchema,
  run: (input, user) => createTitle({ input, actorId: user.id }),
  revalidate: () => ["/admin/inventory"],
  reply: ({ id }) => redirect(`/admin/inventory/${id}?created=1`),
});

export const updateTitleAction = serverAction({
  guard: requireStaff,
  input: (form) => ({ ...parseInput(titleIdSchema, formObject(form)), input: parseInput(titleSchema, formObject(form)) }),
  run: ({ titleId, input }, user) => updateTitle({ titleId, input, actorId: user.id }),
  revalidate: ({ titleId }) => titlePages(titleId),
  reply: () => "Title saved.",
});

export const uploadCoverAction = serverAction({
  guard: requireStaff,
  input: async (form) => {
    const { titleId } = parseInput(titleIdSchema, formObject(form));
    const file = form.get("cover");
    if (!(file instanceof File) || file.size === 0) throw new DomainError("INVALID_INPUT", "Choose an image file.", { cover: "Choose an image file." });
    if (file.size > MAX_COVER_BYTES) throw new DomainError("INVALID_INPUT", COVER_TOO_LARGE, { cover: COVER_TOO_LARGE });
    return { titleId, bytes: new Uint8Array(await file.arrayBuffer()) };
  },
  run: ({ titleId, bytes }, user) => setTitleCover({ titleId, bytes, actorId: user.id }),
  revalidate: ({ titleId }) => titlePages(titleId),
  reply: () => "Cover uploaded.",
});

export const addCopyAction = serverAction({
  guard: requireStaff,
  input: addCopySchema,
  run: (input, user) => addCopy({ input, actorId: user.id }),
  revalidate: ({ titleId }) => titlePages(titleId),
  reply: (copy) => `Copy ${copy.barcode} added.`,
});

export const updateCopyAction = serverAction({
  guard: requireStaff,
  input: (form) => ({ input: parseInput(updateCopySchema, formObject(form)), pages: copyTitlePages(form) }),
  run: ({ input }, user) => updateCopy({ input, actorId: user.id }),
  revalidate: ({ pages }) => pages,
  reply: () => "Copy saved.",
});

export const withdrawCopyAction = serverAction({
  guard: requireStaff,
  input: (form) => ({ ...parseInput(copyIdSchema, formObject(form)), pages: copyTitlePages(form) }),
  run: ({ copyId }, user) => withdrawCopy({ copyId, actorId: user.id }),
  revalidate: ({ pages }) => pages,
  reply: () => "Copy withdrawn. It stays in the records.",
});

export const deleteCopyAction = serverAction({
  guard: requireStaff,
  input: (form) => ({ ...parseInput(copyIdSchema, formObject(form)), pages: copyTitlePages(form) }),
  run: ({ copyId }, user) => deleteCopy({ copyId, actorId: user.id }),
  revalidate: ({ pages }) => pages,
  reply: () => "Copy deleted.",
});

export const withdrawTitleAction = serverAction({
  guard: requireStaff,
  input: titleIdSchema,
  run: ({ titleId }, user) => withdrawTitle({ titleId, actorId: user.id }),
  revalidate: ({ titleId }) => titlePages(titleId),
  reply: ({ copies }) => `Title withdrawn with ${plural(copies, "copy", "copies")}. It stays in the records.`,
});

export const restoreTitleAction = serverAction({
  guard: requireStaff,
  input: titleIdSchema,
  run: ({ titleId }, user) => restoreTitle({ titleId, actorId: user.id }),
  revalidate: ({ titleId }) => titlePages(titleId),
  // The page's restore section goes with the withdrawal, so the page itself says what happened.
  reply: ({ copiesWithdrawn }, { titleId }) => redirect(`/admin/inventory/${titleId}?restored=${copiesWithdrawn}`),
});

export const deleteTitleAction = serverAction({
  guard: requireStaff,
  input: titleIdSchema,
  run: ({ titleId }, user) => deleteTitle({ titleId, actorId: user.id }),
  revalidate: () => ["/admin/inventory"],
  reply: () => redirect("/admin/inventory?deleted=1"),
});

export const previewImportAction = serverAction({
  guard: requireStaff,
  input: catalogueUpload,
  run: (file) => previewImport(file),
  reply: (data) => ({ data }),
});

export const importCatalogueAction = serverAction({
  guard: requireStaff,
  input: catalogueUpload,
  run: (file, user) => importCatalogue({ ...file, actorId: user.id }),
  revalidate: () => ["/admin/inventory"],
  reply: (data) => ({
    data,
    message: `Imported: ${plural(data.added, "title")} added, ${plural(data.updated, "title")} updated, ${plural(data.copiesAdded, "copy", "copies")} added.`,
  }),
});
