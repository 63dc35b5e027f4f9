"use server";

import { revalidatePath } from "next/cache";
import { DomainError, type ActionResult, toActionError } from "@/lib/errors";
import { blockPatronSchema, editPatronSchema, patronIdSchema, unblockPatronSchema } from "@/lib/patrons/admin-schemas";
import { blockPatron } from "@/lib/patrons/block-patron";
import { importPatrons, type ImportPatronsResult } from "@/lib/patrons/import-patrons";
import { previewPatronImport, type PatronImportPreview } from "@/lib/patrons/preview-patron-import";
import { renewCard } from "@/lib/patrons/renew-card";
import { resetPassword } from "@/lib/patrons/reset-password";
import { unblockPatron } from "@/lib/patrons/unblock-patron";
import { updatePatron } from "@/lib/patrons/update-patron";
import { formatDate, plural } from "@/lib/format";
import { requireStaff } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";
import { formObject, parseInput } from "@/lib/validation";

// Every action: the staff check first (a patron or visitor is sent away before anything is
// read), the form's shared schema, one lib operation, errors mapped to the form.

type State<T = undefined> = ActionResult<T> | null;

function refresh(patronId: number) {
  revalidatePath("/admin/patrons");
  revalidatePath(`/admin/patrons/${patronId}`);
}

export async function updatePatronAction(_prev: State, form: FormData): Promise<ActionResult> {
  const user = await requireStaff();
  try {
    const input = parseInput(editPatronSchema, formObject(form));
    await updatePatron({ input, actorId: user.id });
    refresh(input.patronId);
    return { ok: true, data: undefined, message: "Details saved." };
  } catch (e) {
    return toActionError(e);
  }
}

export async function blockPatronAction(_prev: State, form: FormData): Promise<ActionResult> {
  const user = await requireStaff();
  try {
    const { patronId, reason } = parseInput(blockPatronSchema, formObject(form));
    await blockPatron({ patronId, reason, actorId: user.id });
    refresh(patronId);
    return { ok: true, data: undefined, message: "Account blocked." };
  } catch (e) {
    return toActionError(e);
  }
}

export async function unblockPatronAction(_prev: State, form: FormData): Promise<ActionResult> {
  const user = await requireStaff();
  try {
    const { patronId, note } = parseInput(unblockPatronSchema, formObject(form));
    await unblockPatron({ patronId, note, actorId: user.id });
    refresh(patronId);
    return { ok: true, data: undefined, message: "Account unblocked." };
  } catch (e) {
    return toActionError(e);
  }
}

export async function renewCardAction(_prev: State, form: FormData): Promise<ActionResult> {
  const user = await requireStaff();
  try {
    const { patronId } = parseInput(patronIdSchema, formObject(form));
    const { expiresAt } = await renewCard({ patronId, actorId: user.id });
    refresh(patronId);
    const { timeZone } = await getLibrarySettings();
    return { ok: true, data: undefined, message: `Card renewed until ${formatDate(expiresAt, timeZone)}.` };
  } catch (e) {
    return toActionError(e);
  }
}

export async function resetPasswordAction(_prev: State<{ temporaryPassword: string }>, form: FormData): Promise<ActionResult<{ temporaryPassword: string }>> {
  const user = await requireStaff();
  try {
    const { patronId } = parseInput(patronIdSchema, formObject(form));
    const data = await resetPassword({ patronId, actorId: user.id });
    refresh(patronId);
    return { ok: true, data, message: "Password reset. Give the patron the temporary password below; it is shown only now and works once: they choose their own when they sign in with it." };
  } catch (e) {
    return toActionError(e);
  }
}

const MAX_CSV_BYTES = 5 * 1024 * 1024;

async function csvOf(form: FormData): Promise<string> {
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) throw new DomainError("INVALID_INPUT", "Choose a CSV file.", { file: "Choose a CSV file." });
  if (file.size > MAX_CSV_BYTES) throw new DomainError("INVALID_INPUT", "The file is larger than 5 MB.", { file: "The file is larger than 5 MB." });
  return file.text();
}

export async function previewPatronImportAction(form: FormData): Promise<ActionResult<PatronImportPreview>> {
  await requireStaff();
  try {
    return { ok: true, data: await previewPatronImport({ csv: await csvOf(form) }) };
  } catch (e) {
    return toActionError(e);
  }
}

export async function importPatronsAction(form: FormData): Promise<ActionResult<ImportPatronsResult>> {
  const user = await requireStaff();
  try {
    const result = await importPatrons({ csv: await csvOf(form), actorId: user.id });
    revalidatePath("/admin/patrons");
    return { ok: true, data: result, message: `Imported: ${plural(result.added, "patron")} added, ${plural(result.updated, "patron")} updated.` };
  } catch (e) {
    return toActionError(e);
  }
}
