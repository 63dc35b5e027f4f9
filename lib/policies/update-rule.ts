import { recordAudit } from "../audit";
import { db } from "../db";
import { DomainError } from "../errors";
import type { RuleInput } from "./schemas";

export type UpdateRuleOptions = { input: RuleInput; actorId: number };

/**
 * Saves one cell of the circulation matrix (a category's rule for an item type) or, without a
 * category, the item type's default row. New loans follow it; open loans keep the terms they were made under.
 */
export async function updateRule({ input, actorId }: UpdateRuleOptions): Promise<void> {
  const { categoryId, itemTypeId, ...fields } = input;
  await db.$transaction(async (tx) => {
    const type = await tx.itemType.findUnique({ where: { id: itemTypeId } });
    if (!type) throw new DomainError("NOT_FOUND", "No such item type.");
    if (categoryId === null) {
      // The default row has no row under it for the yes/no rules: inherit means the library default.
      await tx.itemType.update({ where: { id: itemTypeId }, data: { ...fields, holdable: fields.holdable ?? true, notForLoan: fields.notForLoan ?? false } });
    } else {
      if (!(await tx.patronCategory.findUnique({ where: { id: categoryId }, select: { id: true } }))) throw new DomainError("NOT_FOUND", "No such patron category.");
      await tx.circulationRule.upsert({ where: { categoryId_itemTypeId: { categoryId, itemTypeId } }, create: { categoryId, itemTypeId, ...fields }, update: fields });
    }
    await recordAudit(tx, { actorId, action: "policy.rule", entityType: "ItemType", entityId: itemTypeId, details: { categoryId, ...fields } });
  });
}
