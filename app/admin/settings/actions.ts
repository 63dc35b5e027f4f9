"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, toActionError } from "@/lib/errors";
import { librarySettingsSchema } from "@/lib/policies/schemas";
import { updateLibrarySettings } from "@/lib/policies/update-library-settings";
import { requireRole } from "@/lib/session";
import { formObject, parseInput } from "@/lib/validation";

export async function updateSettingsAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const user = await requireRole("ADMIN");
  try {
    await updateLibrarySettings({ input: parseInput(librarySettingsSchema, formObject(form)), actorId: user.id });
    // The name and time zone show on every page.
    revalidatePath("/", "layout");
    return { ok: true, data: undefined, message: "Settings saved." };
  } catch (e) {
    return toActionError(e);
  }
}
