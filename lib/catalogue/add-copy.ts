import { recordAudit } from "../audit";
import { now } from "../clock";
import { normaliseCode } from "../codes";
import { db, isUniqueViolation, type Tx } from "../db";
import { DomainError } from "../errors";
import { lockOpenTitle } from "./copy-state";
import { requireItemType } from "./item-types";
import type { AddCopyInput } from "./schemas";

/** Without an item type, the copy is a Book. */
export type AddCopyOptions = {
  input: Omit<AddCopyInput, "itemTypeCode"> & { itemTypeCode?: string };
  actorId: number;
  /** Another system acting through the API ("API key Discovery"), for the audit entry. */
  via?: string;
};

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
export async function addCopy({ input: given, actorId, via }: AddCopyOptions): Promise<{ id: number; barcode: string }> {
  const input = { ...given, barcode: given.barcode === null ? null : normaliseCode(given.barcode), itemTypeCode: given.itemTypeCode ?? "BOOK" };
  for (let attempt = 1; ; attempt++) {
    try {
      return await addCopyOnce(input, actorId, via);
    } catch (e) {
      if (!isUniqueViolation(e, "barcode")) throw e;
      if (input.barcode === null && attempt < 3) continue;
      // A copy with this scanned barcode was added at the same moment.
      throw await barcodeTaken(db, input.barcode ?? "");
    }
  }
}

async function addCopyOnce(input: AddCopyInput, actorId: number, via: string | undefined) {
  return db.$transaction(async (tx) => {
    const at = now();
    // The title lock: a withdrawal waits for this copy (and withdraws it too), or comes first and refuses it.
    await lockOpenTitle(tx, input.titleId, at, () => new DomainError("REFUSED", "This title is withdrawn: it takes no new copies.", undefined, "TITLE_WITHDRAWN"));
    if (input.barcode !== null && (await tx.copy.count({ where: { barcode: input.barcode } }))) throw await barcodeTaken(tx, input.barcode);
    await requireItemType(tx, input.itemTypeCode);
    const barcode = input.barcode ?? (await nextGeneratedBarcode(tx));
    const copy = await tx.copy.create({ data: { titleId: input.titleId, barcode, shelfLocation: input.shelfLocation, itemTypeCode: input.itemTypeCode, acquiredAt: at } });
    await recordAudit(tx, { actorId, action: "copy.add", entityType: "Copy", entityId: copy.id, details: { titleId: input.titleId, barcode, itemTypeCode: input.itemTypeCode, generated: input.barcode === null, ...(via ? { via } : {}) } });
    return { id: copy.id, barcode };
  });
}

async function barcodeTaken(client: Pick<Tx, "copy">, barcode: string): Promise<DomainError> {
  const taken = await client.copy.findUnique({ where: { barcode }, select: { title: { select: { title: true } } } });
  const on = taken ? `a copy of “${taken.title.title}”` : "another copy";
  return new DomainError("CONFLICT", `Barcode ${barcode} is already on ${on}.`, { barcode: `Already on ${on}.` }, "DUPLICATE_BARCODE");
}
