import { recordAudit } from "../audit";
import { db } from "../db";
import { DomainError } from "../errors";

export type RemoveClosureOptions = { closureId: number; actorId: number };

/** Takes a closure off the calendar; due dates already moved past it stay as they are. */
export async function removeClosure({ closureId, actorId }: RemoveClosureOptions): Promise<{ name: string }> {
  return db.$transaction(async (tx) => {
    const closure = await tx.libraryClosure.findUnique({ where: { id: closureId } });
    // Conditional on the row still being there: a second click removes nothing and says so.
    const { count } = await tx.libraryClosure.deleteMany({ where: { id: closureId } });
    if (!closure || count !== 1) throw new DomainError("NOT_FOUND", "That closure has already been removed.");
    await recordAudit(tx, {
      actorId,
      action: "closure.delete",
      entityType: "LibraryClosure",
      entityId: closureId,
      details: { name: closure.name, startsOn: closure.startsOn, endsOn: closure.endsOn, yearly: closure.yearly },
    });
    return { name: closure.name };
  });
}
