"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionResult, toActionError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { cancelHold } from "@/lib/holds/cancel-hold";
import { confirmOnHoldShelf } from "@/lib/holds/confirm-on-hold-shelf";
import { holdActionSchema } from "@/lib/circulation/schemas";
import { sendEmailsSoon } from "@/lib/notifications/send-soon";
import { requireStaff } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";
import { formObject, parseInput } from "@/lib/validation";

const cancelByLibrarySchema = holdActionSchema.extend({ reason: z.string().trim().min(3, "Say why the reservation is cancelled.").max(300) });

export async function confirmOnHoldShelfAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const staff = await requireStaff();
  try {
    const { holdId } = parseInput(holdActionSchema, formObject(form));
    const { pickupBy } = await confirmOnHoldShelf({ holdId, actorId: staff.id });
    sendEmailsSoon();
    const { timeZone } = await getLibrarySettings();
    revalidatePath("/admin/holds");
    return { ok: true, data: undefined, message: `On the hold shelf; the patron has been told. Pickup by ${formatDate(pickupBy, timeZone)}.` };
  } catch (e) {
    return toActionError(e);
  }
}

export async function cancelHoldByLibraryAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const staff = await requireStaff();
  try {
    const { holdId, reason } = parseInput(cancelByLibrarySchema, formObject(form));
    await cancelHold({ holdId, actorId: staff.id, reason });
    sendEmailsSoon();
    revalidatePath("/admin/holds");
    return { ok: true, data: undefined, message: "Reservation cancelled; the patron has been told." };
  } catch (e) {
    return toActionError(e);
  }
}
