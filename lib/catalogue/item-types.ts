import type { Tx } from "../db";
import { DomainError } from "../errors";

/** Refuses an item type code no type has (SQLite keeps no foreign key on the copy's type: see its migration). */
export async function requireItemType(tx: Pick<Tx, "itemType">, code: string): Promise<void> {
  if (!(await tx.itemType.count({ where: { code } }))) {
    throw new DomainError("REFUSED", "Choose an item type from the list.", { itemTypeCode: "Choose an item type from the list." }, "UNKNOWN_ITEM_TYPE");
  }
}
