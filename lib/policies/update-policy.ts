import { recordAudit } from "../audit";
import { db, isUniqueViolation } from "../db";
import { DomainError } from "../errors";
import type { PolicyInput } from "./schemas";

export type UpdatePolicyOptions = { input: PolicyInput; actorId: number };

/** Saves a category's circulation policy; new loans follow it (a loan keeps its terms: ADR 017). */
export async function updatePolicy({ input, actorId }: UpdatePolicyOptions): Promise<void> {
  const { categoryId, ...data } = input;
  try {
    await db.$transaction(async (tx) => {
      const before = await tx.patronCategory.findUnique({ where: { id: categoryId } });
      if (!before) throw new DomainError("NOT_FOUND", "No such patron category.");
      await tx.patronCategory.update({ where: { id: categoryId }, data });
      const changed = Object.fromEntries(
        (Object.keys(data) as (keyof typeof data)[]).filter((k) => before[k] !== data[k]).map((k) => [k, { from: before[k], to: data[k] }]),
      );
      await recordAudit(tx, { actorId, action: "policy.update", entityType: "PatronCategory", entityId: categoryId, details: changed });
    });
  } catch (e) {
    if (isUniqueViolation(e, "name")) throw new DomainError("CONFLICT", "Another category has this name.", { name: "Another category has this name." });
    throw e;
  }
}
