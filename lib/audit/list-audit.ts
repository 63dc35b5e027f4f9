import { z } from "zod";
import { db } from "../db";
import { type AuditRefs, type PersonRef, readDetails } from "./describe-entry";

export const auditFilterSchema = z.object({
  action: z.string().trim().max(60).optional().catch(undefined),
  entityType: z.string().trim().max(40).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** The audit log, newest first, filtered by action, record type and date range (UTC days), with the records it names. */
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
    db.auditEntry.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (filter.page - 1) * perPage, take: perPage, include: { actor: { select: { id: true, name: true } } } }),
    db.auditEntry.count({ where }),
    db.auditEntry.groupBy({ by: ["action"], orderBy: { action: "asc" } }),
  ]);
  return { entries, refs: await auditRefs(entries), total, pages: Math.max(1, Math.ceil(total / perPage)), actions: actions.map((a) => a.action) };
}

type EntryRow = { action: string; entityType: string; entityId: string; details: string | null };

const copySelect = { id: true, barcode: true, title: { select: { id: true, title: true } } } as const;
const personSelect = { id: true, name: true, keepHistory: true } as const;

/**
 * The records a page of entries names, a query per kind of record. Reading privacy: a patron
 * who keeps no history is not named beside a loan or hold, as their circulation entries are not.
 */
async function auditRefs(entries: EntryRow[]): Promise<AuditRefs> {
  const ids = { Loan: new Set<number>(), Copy: new Set<number>(), Title: new Set<number>(), User: new Set<number>(), Hold: new Set<number>(), Fine: new Set<number>(), PatronCategory: new Set<number>() };
  for (const e of entries) {
    const id = Number(e.entityId);
    if (e.entityType in ids && Number.isInteger(id)) ids[e.entityType as keyof typeof ids].add(id);
    const details = readDetails(e.details);
    for (const [key, kind] of [["copyId", "Copy"], ["titleId", "Title"], ["patronId", "User"], ["fineId", "Fine"]] as const) {
      if (typeof details[key] === "number") ids[kind].add(details[key] as number);
    }
  }
  const list = (s: Set<number>) => [...s];
  const [loans, copies, titles, people, holds, fines, categories] = await Promise.all([
    db.loan.findMany({ where: { id: { in: list(ids.Loan) } }, select: { id: true, copy: { select: copySelect }, patron: { select: personSelect } } }),
    db.copy.findMany({ where: { id: { in: list(ids.Copy) } }, select: copySelect }),
    db.title.findMany({ where: { id: { in: list(ids.Title) } }, select: { id: true, title: true } }),
    db.user.findMany({ where: { id: { in: list(ids.User) } }, select: { id: true, name: true } }),
    db.hold.findMany({ where: { id: { in: list(ids.Hold) } }, select: { id: true, title: { select: { id: true, title: true } }, copy: { select: copySelect }, patron: { select: personSelect } } }),
    db.fine.findMany({ where: { id: { in: list(ids.Fine) } }, select: { id: true, patron: { select: { id: true, name: true } }, loan: { select: { copy: { select: copySelect } } } } }),
    db.patronCategory.findMany({ where: { id: { in: list(ids.PatronCategory) } }, select: { id: true, name: true } }),
  ]);
  const reader = (p: { id: number; name: string; keepHistory: boolean } | null): PersonRef | null => (p && p.keepHistory ? { id: p.id, name: p.name } : null);
  return {
    loans: new Map(loans.map((l) => [l.id, { copy: l.copy, patron: reader(l.patron) }])),
    copies: new Map(copies.map((c) => [c.id, c])),
    titles: new Map(titles.map((t) => [t.id, t])),
    people: new Map(people.map((p) => [p.id, p])),
    holds: new Map(holds.map((h) => [h.id, { title: h.title, copy: h.copy, patron: reader(h.patron) }])),
    fines: new Map(fines.map((f) => [f.id, { patron: f.patron, copy: f.loan?.copy ?? null }])),
    categories: new Map(categories.map((c) => [c.id, c])),
  };
}
