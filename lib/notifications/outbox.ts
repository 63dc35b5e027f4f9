import type { DeliveryStatus } from "../generated/sqlite/enums";
import { db } from "../db";

/** The email outbox for staff, newest first, optionally one delivery status. */
export async function emailOutbox({ status, page = 1, perPage = 50 }: { status?: DeliveryStatus; page?: number; perPage?: number }) {
  const where = { channel: "EMAIL" as const, ...(status ? { status } : {}) };
  const [rows, total, counts] = await Promise.all([
    db.notification.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * perPage, take: perPage, include: { user: { select: { name: true, email: true } } } }),
    db.notification.count({ where }),
    db.notification.groupBy({ by: ["status"], where: { channel: "EMAIL" }, _count: { _all: true } }),
  ]);
  return { rows, total, pages: Math.max(1, Math.ceil(total / perPage)), counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Partial<Record<DeliveryStatus, number>> };
}
