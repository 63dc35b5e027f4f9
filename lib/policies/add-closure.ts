import { recordAudit } from "../audit";
import { db } from "../db";
import type { NewClosureInput } from "./opening-days-schemas";

export type AddClosureOptions = { input: NewClosureInput; actorId: number };

/** Adds a day or run of days the library is closed (a holiday); loans made from now on are not due then. */
export async function addClosure({ input, actorId }: AddClosureOptions): Promise<{ id: number; name: string }> {
  return db.$transaction(async (tx) => {
    const closure = await tx.libraryClosure.create({ data: input, select: { id: true, name: true } });
    await recordAudit(tx, { actorId, action: "closure.create", entityType: "LibraryClosure", entityId: closure.id, details: input });
    return closure;
  });
}
