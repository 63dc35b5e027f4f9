import { recordAudit } from "../audit";
import { db, isUniqueViolation } from "../db";
import { DomainError } from "../errors";
import type { NewCategoryInput } from "./schemas";

export type CreateCategoryOptions = { input: NewCategoryInput; actorId: number };

/** Adds a patron category with its circulation policy. */
export async function createCategory({ input, actorId }: CreateCategoryOptions): Promise<{ id: number }> {
  try {
    return await db.$transaction(async (tx) => {
      const category = await tx.patronCategory.create({ data: input, select: { id: true } });
      await recordAudit(tx, { actorId, action: "policy.create", entityType: "PatronCategory", entityId: category.id, details: input });
      return category;
    });
  } catch (e) {
    if (isUniqueViolation(e, "code")) throw new DomainError("CONFLICT", "Another category has this code.", { code: "Another category has this code." });
    if (isUniqueViolation(e, "name")) throw new DomainError("CONFLICT", "Another category has this name.", { name: "Another category has this name." });
    throw e;
  }
}
