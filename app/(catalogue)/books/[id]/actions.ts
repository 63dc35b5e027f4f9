"use server";

import { revalidatePath } from "next/cache";
import { borrowTitle } from "@/lib/circulation/check-out";
import { titleActionSchema } from "@/lib/circulation/schemas";
import { type ActionResult, toActionError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { placeHold } from "@/lib/holds/place-hold";
import { describeHold } from "@/lib/holds/statuses";
import { requireUser } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";
import { formObject, parseInput } from "@/lib/validation";

export async function borrowAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const user = await requireUser();
  try {
    const { titleId } = parseInput(titleActionSchema, formObject(form));
    const loan = await borrowTitle({ patronId: user.id, titleId });
    const { timeZone } = await getLibrarySettings();
    revalidatePath(`/books/${titleId}`);
    revalidatePath("/account/loans");
    return { ok: true, data: undefined, message: `Borrowed. Due back ${formatDate(loan.dueAt, timeZone)}.` };
  } catch (e) {
    return toActionError(e);
  }
}

export async function reserveAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const user = await requireUser();
  try {
    const { titleId } = parseInput(titleActionSchema, formObject(form));
    const hold = await placeHold({ patronId: user.id, titleId });
    revalidatePath(`/books/${titleId}`);
    revalidatePath("/account/holds");
    return { ok: true, data: undefined, message: `Reserved. ${describeHold(hold, (await getLibrarySettings()).timeZone)}.` };
  } catch (e) {
    return toActionError(e);
  }
}
