import { z } from "zod";
import { db } from "../db";

export const auditFilterSchema = z.object({
  action: z.string().trim().max(60).optional().catch(undefined),
  entityType: z.string().trim().max(40).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** The audit log, newest first, filtered by action, record type and date range (UTC days). */
export async function listAudit(filter: AuditFilter, perPage = 50) {
  const createdAt = {
    ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}),
    ...(filter.to ? { lt: new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
  };
  const where = {
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.entityType ? { entityType: filter.entityType } : {}),
    ...(filter.from || filter.to ? { createdAt } : {}),
  };
  const [entries, total, actions] = await Promise.all([
    db.auditEntry.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (filter.page - 1) * perPage, take: perPage, include: { actor: { select: { name: true, email: true } } } }),
    db.auditEntry.count({ where }),
    db.auditEntry.groupBy({ by: ["action"], orderBy: { action: "asc" } }),
  ]);
  return { entries, total, pages: Math.max(1, Math.ceil(total / perPage)), actions: actions.map((a) => a.action) };
}
