"use server";

import { serverAction } from "@/app/_lib/server-action";
import { createCategory } from "@/lib/policies/create-category";
import { newCategorySchema, policySchema } from "@/lib/policies/schemas";
import { updatePolicy } from "@/lib/policies/update-policy";
import { requireRole } from "@/lib/session";

// Administrators only.
const requireAdmin = () => requireRole("ADMIN");

export const updatePolicyAction = serverAction({
  guard: requireAdmin,
  input: policySchema,
  run: (input, user) => updatePolicy({ input, actorId: user.id }),
  revalidate: () => ["/admin/policies"],
  reply: () => "Policy saved. New loans, renewals and fines follow it from now on.",
});

export const createCategoryAction = serverAction({
  guard: requireAdmin,
  input: newCategorySchema,
  run: (input, user) => createCategory({ input, actorId: user.id }),
  revalidate: () => ["/admin/policies"],
  reply: () => "Category added.",
});
