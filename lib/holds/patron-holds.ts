import { db } from "../db";
import { OPEN_HOLD_STATUSES } from "./statuses";

/** A patron's open holds with their place in the queue and, when ready, the pickup deadline. */
export async function patronHolds(patronId: number) {
  const holds = await db.hold.findMany({
    where: { patronId, status: { in: [...OPEN_HOLD_STATUSES] } },
    orderBy: [{ placedAt: "asc" }, { id: "asc" }],
    include: { title: { select: { id: true, title: true, authorNames: true } } },
  });
  // One count per waiting hold: a patron has at most a handful (the policy's limit).
  return Promise.all(
    holds.map(async (hold) => ({
      ...hold,
      position:
        hold.status === "WAITING"
          ? 1 +
            (await db.hold.count({
              where: { titleId: hold.titleId, status: "WAITING", OR: [{ placedAt: { lt: hold.placedAt } }, { placedAt: hold.placedAt, id: { lt: hold.id } }] },
            }))
          : 0,
    })),
  );
}

/** What waits for the patron on the hold shelf: each ready hold's title, copy and pickup deadline. */
export async function holdShelfFor(patronId: number) {
  return db.hold.findMany({
    where: { patronId, status: "READY" },
    orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
    select: { id: true, expiresAt: true, title: { select: { title: true } }, copy: { select: { barcode: true } } },
  });
}
