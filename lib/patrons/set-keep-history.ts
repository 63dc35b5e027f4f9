import { CIRCULATION_ACTIONS, recordAudit } from "../audit";
import { db, type Tx } from "../db";

/**
 * Reading privacy: with history off, returned loans no longer name the patron, now and from
 * now on, and the audit log's circulation entries lose their link to the patron (as actor, and
 * in the details entries written before they named only the loan). Fines keep their own link
 * to the patron, so money owed is not lost.
 */
export async function setKeepHistory({ patronId, keep }: { patronId: number; keep: boolean }): Promise<{ forgotten: number }> {
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: patronId }, data: { keepHistory: keep } });
    const forgotten = keep ? 0 : await forgetReadingHistory(tx, patronId);
    await recordAudit(tx, { actorId: patronId, action: keep ? "patron.history_on" : "patron.history_off", entityType: "User", entityId: patronId, details: { forgotten } });
    return { forgotten };
  });
}

/**
 * Returned loans stop naming the patron, and the audit log's circulation entries lose their link
 * to them (as actor, and in the details of entries written before they named only the loan).
 * Returns how many loans were forgotten. Also used when a closed account is anonymised.
 */
export async function forgetReadingHistory(tx: Tx, patronId: number): Promise<number> {
  const { count } = await tx.loan.updateMany({ where: { patronId, returnedAt: { not: null } }, data: { patronId: null } });
  await tx.auditEntry.updateMany({ where: { actorId: patronId, action: { in: CIRCULATION_ACTIONS } }, data: { actorId: null } });
  const naming = await tx.auditEntry.findMany({
    where: { action: { in: CIRCULATION_ACTIONS }, details: { contains: `"patronId":${patronId}` } },
    select: { id: true, details: true },
  });
  for (const entry of naming) {
    const { patronId: named, ...rest } = JSON.parse(entry.details!) as Record<string, unknown>;
    if (named === patronId) await tx.auditEntry.update({ where: { id: entry.id }, data: { details: JSON.stringify(rest) } });
  }
  return count;
}

/** Whether the patron's history outlives the library's anonymisation period (see anonymise-loans.ts). */
export async function setKeepHistoryForever({ patronId, forever }: { patronId: number; forever: boolean }): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: patronId }, data: { keepHistoryForever: forever } });
    await recordAudit(tx, { actorId: patronId, action: forever ? "patron.history_kept" : "patron.history_kept_off", entityType: "User", entityId: patronId });
  });
}
