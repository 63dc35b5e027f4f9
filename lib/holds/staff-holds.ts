import { db } from "../db";

/** The staff view of holds: copies to fetch (pull list), the hold shelf, and the queues. */
export async function staffHolds() {
  const patron = { select: { id: true, name: true, cardNumber: true } } as const;
  const title = { select: { id: true, title: true } } as const;
  const [pullList, holdShelf, queues] = await Promise.all([
    db.hold.findMany({
      where: { status: "IN_PROCESS" },
      orderBy: [{ placedAt: "asc" }, { id: "asc" }],
      include: { patron, title, copy: { select: { barcode: true, shelfLocation: true } } },
    }),
    db.hold.findMany({ where: { status: "READY" }, orderBy: [{ expiresAt: "asc" }, { id: "asc" }], include: { patron, title, copy: { select: { barcode: true } } } }),
    db.hold.groupBy({ by: ["titleId"], where: { status: "WAITING" }, _count: { _all: true }, _min: { placedAt: true }, orderBy: { _count: { titleId: "desc" } }, take: 100 }),
  ]);
  const titles = await db.title.findMany({ where: { id: { in: queues.map((q) => q.titleId) } }, select: { id: true, title: true } });
  const names = new Map(titles.map((t) => [t.id, t.title]));
  return {
    pullList,
    holdShelf,
    queues: queues.map((q) => ({ titleId: q.titleId, title: names.get(q.titleId) ?? "", waiting: q._count._all, since: q._min.placedAt })),
  };
}
