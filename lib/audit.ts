import type { Tx } from "./db";
import { now } from "./clock";

export type AuditInput = {
  actorId: number | null;
  action: string;
  entityType: string;
  entityId: string | number;
  details?: Record<string, unknown>;
};

/**
 * Writes the audit entry inside the transaction of the change it records. A fixed statement:
 * every check-out, check-in and renewal writes one (decision 020).
 */
export async function recordAudit(tx: Tx, entry: AuditInput): Promise<void> {
  const details = entry.details ? JSON.stringify(entry.details) : null;
  await tx.$executeRaw`
    INSERT INTO "AuditEntry" ("actorId", "action", "entityType", "entityId", "details", "createdAt")
    VALUES (${entry.actorId}, ${entry.action}, ${entry.entityType}, ${String(entry.entityId)}, ${details}, ${now()})`;
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
