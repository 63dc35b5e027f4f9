"use server";

import { serverAction } from "@/app/_lib/server-action";
import { createCategory } from "@/lib/policies/create-category";
import { createItemType } from "@/lib/policies/create-item-type";
import { itemTypeSchema, newCategorySchema, policySchema, ruleSchema } from "@/lib/policies/schemas";
import { updatePolicy } from "@/lib/policies/update-policy";
import { updateRule } from "@/lib/policies/update-rule";
import { requireRole } from "@/lib/session";

// Administrators only.
const requireAdmin = () => requireRole("ADMIN");

export const updatePolicyAction = serverAction({
  guard: requireAdmin,
  input: policySchema,
  run: (input, user) => updatePolicy({ input, actorId: user.id }),
  revalidate: () => ["/admin/policies"],
  reply: () => "Policy saved. New loans follow it; loans already out keep the terms they were made under.",
});

export const createCategoryAction = serverAction({
  guard: requireAdmin,
  input: newCategorySchema,
  run: (input, user) => createCategory({ input, actorId: user.id }),
  revalidate: () => ["/admin/policies"],
  reply: () => "Category added.",
});

export const updateRuleAction = serverAction({
  guard: requireAdmin,
  input: ruleSchema,
  run: (input, user) => updateRule({ input, actorId: user.id }),
  revalidate: () => ["/admin/policies"],
  reply: () => "Rule saved. New loans follow it; loans already out keep their terms.",
});

export const createItemTypeAction = serverAction({
  guard: requireAdmin,
  input: itemTypeSchema,
  run: (input, user) => createItemType({ input, actorId: user.id }),
  revalidate: () => ["/admin/policies"],
  reply: () => "Item type added.",
});
