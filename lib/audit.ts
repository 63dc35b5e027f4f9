import type { Tx } from "./db";
import { now } from "./clock";

export type AuditInput = {
  actorId: number | null;
  action: string;
  entityType: string;
  entityId: string | number;
  details?: Record<string, unknown>;
};

/** Writes the audit entry inside the transaction of the change it records. */
export async function recordAudit(tx: Tx, entry: AuditInput): Promise<void> {
  await tx.auditEntry.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      details: entry.details ? JSON.stringify(entry.details) : null,
      createdAt: now(),
    },
  });
}

/**
 * Reading privacy: a patron who keeps no history is not named as the actor of their own
 * self-service loans and holds (the entry still names the loan or hold, and "via": "self").
 */
export function circulationActor(actorId: number | null, patron: { id: number; keepHistory: boolean }): number | null {
  return actorId === patron.id && !patron.keepHistory ? null : actorId;
}

/** The actions that tell what a patron read: their entries lose the patron when history is turned off. */
export const CIRCULATION_ACTIONS = ["loan.checkout", "loan.checkin", "loan.renew", "copy.lost", "fine.charge", "hold.place", "hold.cancel", "hold.ready", "hold.expire"];
