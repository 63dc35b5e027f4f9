"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, toActionError } from "@/lib/errors";
import { createCategory } from "@/lib/policies/create-category";
import { newCategorySchema, policySchema } from "@/lib/policies/schemas";
import { updatePolicy } from "@/lib/policies/update-policy";
import { requireRole } from "@/lib/session";
import { formObject, parseInput } from "@/lib/validation";

// Administrators only: the role check comes before the form is read.

type State = ActionResult | null;

export async function updatePolicyAction(_prev: State, form: FormData): Promise<ActionResult> {
  const user = await requireRole("ADMIN");
  try {
    await updatePolicy({ input: parseInput(policySchema, formObject(form)), actorId: user.id });
    revalidatePath("/admin/policies");
    return { ok: true, data: undefined, message: "Policy saved. New loans, renewals and fines follow it from now on." };
  } catch (e) {
    return toActionError(e);
  }
}

export async function createCategoryAction(_prev: State, form: FormData): Promise<ActionResult> {
  const user = await requireRole("ADMIN");
  try {
    await createCategory({ input: parseInput(newCategorySchema, formObject(form)), actorId: user.id });
    revalidatePath("/admin/policies");
    return { ok: true, data: undefined, message: "Category added." };
  } catch (e) {
    return toActionError(e);
  }
}
