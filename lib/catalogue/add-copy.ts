import { recordAudit } from "../audit";
import { now } from "../clock";
import { db, type Tx } from "../db";
import { DomainError } from "../errors";
import type { AddCopyInput } from "./schemas";

export type AddCopyOptions = { input: AddCopyInput; actorId: number };

const GENERATED = /^C(\d{6,})$/;

/**
 * The next free "C" barcode (C000001, C000002 …, as the demo library numbers its copies). Reads
 * the top of the unique barcode index; a collision with a copy added at the same moment fails
 * on that index and the add is retried.
 */
export async function nextGeneratedBarcode(tx: Tx): Promise<string> {
  const top = await tx.copy.findMany({
    where: { barcode: { gte: "C0", lte: "C99999999" } },
    orderBy: { barcode: "desc" },
    select: { barcode: true },
    take: 50,
  });
  const highest = Math.max(0, ...top.map((c) => Number(GENERATED.exec(c.barcode)?.[1] ?? 0)));
  return `C${String(highest + 1).padStart(6, "0")}`;
}

/** Adds a copy to a title, with the barcode scanned or, when none was, the next generated one. */
export async function addCopy({ input, actorId }: AddCopyOptions): Promise<{ id: number; barcode: string }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await addCopyOnce(input, actorId);
    } catch (e) {
      if (input.barcode === null && attempt < 3 && isUniqueViolation(e)) continue;
      throw e;
    }
  }
}

async function addCopyOnce(input: AddCopyInput, actorId: number) {
  return db.$transaction(async (tx) => {
    const title = await tx.title.findUnique({ where: { id: input.titleId }, select: { withdrawnAt: true } });
    if (!title) throw new DomainError("NOT_FOUND", "This title no longer exists.");
    if (title.withdrawnAt) throw new DomainError("REFUSED", "This title is withdrawn: it takes no new copies.", undefined, "TITLE_WITHDRAWN");
    if (input.barcode !== null) {
      const taken = await tx.copy.findUnique({ where: { barcode: input.barcode }, select: { title: { select: { title: true } } } });
      if (taken) {
        throw new DomainError("CONFLICT", `Barcode ${input.barcode} is already on a copy of “${taken.title.title}”.`, {
          barcode: `Already on a copy of “${taken.title.title}”.`,
        });
      }
    }
    const barcode = input.barcode ?? (await nextGeneratedBarcode(tx));
    const copy = await tx.copy.create({ data: { titleId: input.titleId, barcode, shelfLocation: input.shelfLocation, acquiredAt: now() } });
    await recordAudit(tx, { actorId, action: "copy.add", entityType: "Copy", entityId: copy.id, details: { titleId: input.titleId, barcode, generated: input.barcode === null } });
    return { id: copy.id, barcode };
  });
}

function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && "code" in e && (e as { code: unknown }).code === "P2002";
}
