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
