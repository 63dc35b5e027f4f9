import { recordAudit } from "../audit";
import { db, isUniqueViolation } from "../db";
import { DomainError } from "../errors";
import type { ItemTypeInput } from "./schemas";

export type CreateItemTypeOptions = { input: ItemTypeInput; actorId: number };

/** Adds an item type; until its row of the matrix is edited, its copies follow each category's own policy. */
export async function createItemType({ input, actorId }: CreateItemTypeOptions): Promise<{ id: number }> {
  try {
    return await db.$transaction(async (tx) => {
      const type = await tx.itemType.create({ data: input, select: { id: true } });
      await recordAudit(tx, { actorId, action: "item_type.create", entityType: "ItemType", entityId: type.id, details: input });
      return type;
    });
  } catch (e) {
    if (isUniqueViolation(e, "code")) throw new DomainError("CONFLICT", "Another item type has this code.", { code: "Another item type has this code." });
    if (isUniqueViolation(e, "name")) throw new DomainError("CONFLICT", "Another item type has this name.", { name: "Another item type has this name." });
    throw e;
  }
}
