"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, toActionError } from "@/lib/errors";
import { setRoleSchema } from "@/lib/patrons/admin-schemas";
import { setRole } from "@/lib/patrons/set-role";
import { requireRole } from "@/lib/session";
import { formObject, parseInput } from "@/lib/validation";

export async function setRoleAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const user = await requireRole("ADMIN");
  try {
    const { userId, role } = parseInput(setRoleSchema, formObject(form));
    await setRole({ userId, role, actorId: user.id });
    revalidatePath("/admin/staff");
    return { ok: true, data: undefined, message: `Role changed to ${role.toLowerCase()}.` };
  } catch (e) {
    return toActionError(e);
  }
}
