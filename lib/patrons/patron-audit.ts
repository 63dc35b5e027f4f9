import { db } from "../db";

/** The audit trail of one account, newest first: what staff and the patron did to it. */
export async function patronAudit(patronId: number, take = 50) {
  return db.auditEntry.findMany({
    where: { entityType: "User", entityId: String(patronId) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    include: { actor: { select: { id: true, name: true } } },
  });
}
