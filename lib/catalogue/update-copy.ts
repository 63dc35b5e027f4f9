import { recordAudit } from "../audit";
import { now } from "../clock";
import { db } from "../db";
import { DomainError } from "../errors";
import { routeFreedCopy } from "../holds/route-copy";
import { librarySettingsIn } from "../settings";
import { copyRefusal } from "./copy-refusals";
import { IDLE_STATUSES, lockOpenTitle, tryMoveCopy } from "./copy-state";
import { requireItemType } from "./item-types";
import type { UpdateCopyInput } from "./schemas";

export type UpdateCopyOptions = { input: UpdateCopyInput; actorId: number };

/**
 * Changes a copy's shelf, notes, item type and status (available, damaged, lost, withdrawn). A copy on loan
 * or on the hold shelf belongs to circulation: the update's condition leaves it untouched and
 * the librarian is told why. A copy made available again (repaired, found) goes through the
 * router, so a patron waiting for its title gets it; only a title still in the catalogue takes
 * a copy back from withdrawal.
 */
export async function updateCopy({ input, actorId }: UpdateCopyOptions): Promise<void> {
  const at = now();
  await db.$transaction(async (tx) => {
    const copy = await tx.copy.findUnique({ where: { id: input.copyId }, select: { titleId: true, status: true } });
    if (!copy) throw new DomainError("NOT_FOUND", "This copy no longer exists.");
    if (input.status !== "WITHDRAWN") {
      await lockOpenTitle(tx, copy.titleId, at, () => new DomainError("REFUSED", "This title is withdrawn: its copies stay withdrawn.", { status: "The title is withdrawn." }, "TITLE_WITHDRAWN"));
    }
    if (input.itemTypeCode !== undefined) await requireItemType(tx, input.itemTypeCode);
    const from = (IDLE_STATUSES as readonly string[]).includes(copy.status) ? [copy.status] : [];
    if (!(await tryMoveCopy(tx, input.copyId, from, input.status, { shelfLocation: input.shelfLocation, notes: input.notes, itemTypeCode: input.itemTypeCode }))) {
      throw await copyRefusal(tx, input.copyId, "change");
    }
    if (input.status === "AVAILABLE" && copy.status !== "AVAILABLE") {
      await routeFreedCopy(tx, input.copyId, ["AVAILABLE"], at, (await librarySettingsIn(tx)).timeZone, false);
    }
    await recordAudit(tx, { actorId, action: "copy.update", entityType: "Copy", entityId: input.copyId, details: { status: input.status, shelfLocation: input.shelfLocation, itemTypeCode: input.itemTypeCode } });
  });
}
