import { recordAudit } from "../audit";
import { now } from "../clock";
import { db } from "../db";
import { DomainError } from "../errors";
import { plural } from "../format";
import { withdrawIdleCopies } from "./copy-state";

export type WithdrawTitleOptions = { titleId: number; actorId: number };

/**
 * Withdraws a title and all its copies: it leaves the public catalogue but stays in the records.
 * Refused while a copy is on loan or on the hold shelf, or patrons are waiting for it.
 */
export async function withdrawTitle({ titleId, actorId }: WithdrawTitleOptions): Promise<{ copies: number }> {
  const at = now();
  return db.$transaction(async (tx) => {
    // The title lock (docs/decisions/010-copy-state-module.md): holds, copies and imports for
    // this title wait for it, then find the title withdrawn.
    const { count } = await tx.title.updateMany({ where: { id: titleId, withdrawnAt: null }, data: { withdrawnAt: at, updatedAt: at } });
    if (count !== 1) {
      const exists = await tx.title.count({ where: { id: titleId } });
      throw exists ? new DomainError("REFUSED", "This title is already withdrawn.", undefined, "TITLE_WITHDRAWN") : new DomainError("NOT_FOUND", "This title no longer exists.");
    }
    // Writing first holds the copies: a checkout racing this one waits, then finds them withdrawn.
    const copies = await withdrawIdleCopies(tx, titleId);
    const busy = await tx.copy.findMany({ where: { titleId, status: { in: ["ON_LOAN", "ON_HOLD_SHELF"] } }, select: { barcode: true, status: true } });
    if (busy.length > 0) {
      const onLoan = busy.filter((c) => c.status === "ON_LOAN").map((c) => c.barcode);
      const held = busy.filter((c) => c.status === "ON_HOLD_SHELF").map((c) => c.barcode);
      const parts = [onLoan.length ? `on loan: ${onLoan.join(", ")}` : null, held.length ? `on the hold shelf: ${held.join(", ")}` : null].filter(Boolean);
      throw new DomainError("REFUSED", `This title still has copies out (${parts.join("; ")}). Check them in or cancel their holds first.`, undefined, "COPIES_OUT");
    }
    const waiting = await tx.hold.count({ where: { titleId, status: "WAITING" } });
    if (waiting > 0) {
      throw new DomainError("REFUSED", `${plural(waiting, "patron is", "patrons are")} waiting for this title. Cancel their holds first.`, undefined, "HOLDS_WAITING");
    }
    await recordAudit(tx, { actorId, action: "title.withdraw", entityType: "Title", entityId: titleId, details: { copies } });
    return { copies };
  });
}
