import { recordAudit } from "../audit";
import { db } from "../db";

/**
 * Reading privacy: with history off, returned loans no longer name the patron, now and from
 * now on. Fines keep their own link to the patron, so money owed is not lost.
 */
export async function setKeepHistory({ patronId, keep }: { patronId: number; keep: boolean }): Promise<{ forgotten: number }> {
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: patronId }, data: { keepHistory: keep } });
    const { count } = keep ? { count: 0 } : await tx.loan.updateMany({ where: { patronId, returnedAt: { not: null } }, data: { patronId: null } });
    await recordAudit(tx, { actorId: patronId, action: keep ? "patron.history_on" : "patron.history_off", entityType: "User", entityId: patronId, details: { forgotten: count } });
    return { forgotten: count };
  });
}
