import { db } from "../db";

/** A patron's returned loans, newest first (only those kept: patrons may turn history off). */
export async function loanHistory(patronId: number, page = 1, perPage = 25) {
  const where = { patronId, returnedAt: { not: null } };
  const [loans, total] = await Promise.all([
    db.loan.findMany({
      where,
      orderBy: [{ returnedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * perPage,
      take: perPage,
      include: { copy: { select: { title: { select: { id: true, title: true, authorNames: true } } } } },
    }),
    db.loan.count({ where }),
  ]);
  return { loans, total, pages: Math.max(1, Math.ceil(total / perPage)) };
}
