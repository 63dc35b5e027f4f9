"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { addCopy } from "@/lib/catalogue/add-copy";
import { createTitle } from "@/lib/catalogue/create-title";
import { deleteCopy } from "@/lib/catalogue/delete-copy";
import { deleteTitle } from "@/lib/catalogue/delete-title";
import { importCatalogue, type ImportCatalogueResult } from "@/lib/catalogue/import-catalogue";
import { previewImport, type ImportPreview } from "@/lib/catalogue/preview-import";
import { addCopySchema, copyIdSchema, titleIdSchema, titleSchema, updateCopySchema } from "@/lib/catalogue/schemas";
import { setTitleCover } from "@/lib/catalogue/set-title-cover";
import { updateCopy } from "@/lib/catalogue/update-copy";
import { updateTitle } from "@/lib/catalogue/update-title";
import { withdrawCopy } from "@/lib/catalogue/withdraw-copy";
import { withdrawTitle } from "@/lib/catalogue/withdraw-title";
import { DomainError, type ActionResult, toActionError } from "@/lib/errors";
import { plural } from "@/lib/format";
import { requireStaff } from "@/lib/session";
import { formObject, parseInput } from "@/lib/validation";

// Every action: the staff check first (a patron or visitor is sent away before anything is
// read), the form's shared schema, one lib operation, errors mapped to the form.

type State<T = undefined> = ActionResult<T> | null;

function refreshTitle(titleId: number) {
  revalidatePath("/admin/inventory");
  revalidatePath(`/admin/inventory/${titleId}`);
  revalidatePath(`/books/${titleId}`);
}

export async function createTitleAction(_prev: State, form: FormData): Promise<ActionResult> {
  const user = await requireStaff();
  let id: number;
  try {
    ({ id } = await createTitle({ input: parseInput(titleSchema, formObject(form)), actorId: user.id }));
  } catch (e) {
    return toActionError(e);
  }
  revalidatePath("/admin/inventory");
  redirect(`/admin/inventory/${id}?created=1`);
}

export async function updateTitleAction(_prev: State, form: FormData): Promise<ActionResult> {
  const user = await requireStaff();
  try {
    const { titleId } = parseInput(titleIdSchema, formObject(form));
    await updateTitle({ titleId, input: parseInput(titleSchema, formObject(form)), actorId: user.id });
    refreshTitle(titleId);
    return { ok: true, data: undefined, message: "Title saved." };
  } catch (e) {
    return toActionError(e);
  }
}

export async function uploadCoverAction(_prev: State, form: FormData): Promise<ActionResult> {
  const user = await requireStaff();
  try {
    const { titleId } = parseInput(titleIdSchema, formObject(form));
    const file = form.get("cover");
    if (!(file instanceof File) || file.size === 0) throw new DomainError("INVALID_INPUT", "Choose an image file.", { cover: "Choose an image file." });
    await setTitleCover({ titleId, bytes: new Uint8Array(await file.arrayBuffer()), actorId: user.id });
    refreshTitle(titleId);
    return { ok: true, data: undefined, message: "Cover uploaded." };
  } catch (e) {
    return toActionError(e);
  }
}

export async function addCopyAction(_prev: State, form: FormData): Promise<ActionResult> {
  const user = await requireStaff();
  try {
    const input = parseInput(addCopySchema, formObject(form));
    const copy = await addCopy({ input, actorId: user.id });
    refreshTitle(input.titleId);
    return { ok: true, data: undefined, message: `Copy ${copy.barcode} added.` };
  } catch (e) {
    return toActionError(e);
  }
}

export async function updateCopyAction(_prev: State, form: FormData): Promise<ActionResult> {
  const user = await requireStaff();
  try {
    const input = parseInput(updateCopySchema, formObject(form));
    await updateCopy({ input, actorId: user.id });
    refreshTitle(Number(form.get("titleId")));
    return { ok: true, data: undefined, message: "Copy saved." };
  } catch (e) {
    return toActionError(e);
  }
}

export async function withdrawCopyAction(_prev: State, form: FormData): Promise<ActionResult> {
  const user = await requireStaff();
  try {
    const { copyId } = parseInput(copyIdSchema, formObject(form));
    await withdrawCopy({ copyId, actorId: user.id });
    refreshTitle(Number(form.get("titleId")));
    return { ok: true, data: undefined, message: "Copy withdrawn. It stays in the records." };
  } catch (e) {
    return toActionError(e);
  }
}

export async function deleteCopyAction(_prev: State, form: FormData): Promise<ActionResult> {
  const user = await requireStaff();
  try {
    const { copyId } = parseInput(copyIdSchema, formObject(form));
    await deleteCopy({ copyId, actorId: user.id });
    refreshTitle(Number(form.get("titleId")));
    return { ok: true, data: undefined, message: "Copy deleted." };
  } catch (e) {
    return toActionError(e);
  }
}

export async function withdrawTitleAction(_prev: State, form: FormData): Promise<ActionResult> {
  const user = await requireStaff();
  try {
    const { titleId } = parseInput(titleIdSchema, formObject(form));
    const { copies } = await withdrawTitle({ titleId, actorId: user.id });
    refreshTitle(titleId);
    return { ok: true, data: undefined, message: `Title withdrawn with ${plural(copies, "copy", "copies")}. It stays in the records.` };
  } catch (e) {
    return toActionError(e);
  }
}

export async function deleteTitleAction(_prev: State, form: FormData): Promise<ActionResult> {
  const user = await requireStaff();
  try {
    const { titleId } = parseInput(titleIdSchema, formObject(form));
    await deleteTitle({ titleId, actorId: user.id });
  } catch (e) {
    return toActionError(e);
  }
  revalidatePath("/admin/inventory");
  redirect("/admin/inventory?deleted=1");
}

async function csvOf(form: FormData): Promise<string> {
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) throw new DomainError("INVALID_INPUT", "Choose a CSV file.", { file: "Choose a CSV file." });
  if (file.size > 8 * 1024 * 1024) throw new DomainError("INVALID_INPUT", "The file is larger than 8 MB. Split it and import each part.", { file: "Larger than 8 MB." });
  return file.text();
}

export async function previewImportAction(form: FormData): Promise<ActionResult<ImportPreview>> {
  await requireStaff();
  try {
    return { ok: true, data: await previewImport({ csv: await csvOf(form) }) };
  } catch (e) {
    return toActionError(e);
  }
}

export async function importCatalogueAction(form: FormData): Promise<ActionResult<ImportCatalogueResult>> {
  const user = await requireStaff();
  try {
    const result = await importCatalogue({ csv: await csvOf(form), actorId: user.id });
    revalidatePath("/admin/inventory");
    return {
      ok: true,
      data: result,
      message: `Imported: ${plural(result.added, "title")} added, ${plural(result.updated, "title")} updated, ${plural(result.copiesAdded, "copy", "copies")} added.`,
    };
  } catch (e) {
    return toActionError(e);
  }
}
