import { circulationActor, recordAudit } from "../audit";
import { lockOpenTitle, tryMoveCopy } from "../catalogue/copy-state";
import { refusal } from "../circulation/messages";
import { lockPatron } from "../circulation/patron-standing";
import { standingRefusal } from "../circulation/rules";
import { now } from "../clock";
import { db } from "../db";
import { rulesForCategory } from "../policies/rule-for";
import { librarySettingsIn } from "../settings";
import { holdRefusal } from "./messages";
import { OPEN_HOLD_STATUSES } from "./statuses";

export type PlaceHoldOptions = {
  patronId: number;
  titleId: number;
  actorId?: number;
  /** A SIP2 device's name for the audit entry ("SIP2, device Kiosk 1"). */
  via?: string;
};
export type PlaceHoldResult = { holdId: number; status: "WAITING" | "IN_PROCESS"; position: number };

/**
 * A patron joins the queue for a title. When a copy is on the open shelf at that moment it is set
 * aside for them at once and appears on the staff pull list.
 */
export async function placeHold({ patronId, titleId, actorId = patronId, via }: PlaceHoldOptions): Promise<PlaceHoldResult> {
  const at = now();
  return db.$transaction(async (tx) => {
    const settings = await librarySettingsIn(tx);
    const patron = await lockPatron(tx, patronId, at);
    const refused = standingRefusal(patron.standing, patron.policy, at);
    if (refused) throw refusal(refused, settings.currency);
    // The title lock: a withdrawal cannot slip in between this check and the hold it allows.
    await lockOpenTitle(tx, titleId, at, () => holdRefusal("TITLE_WITHDRAWN"));
    // Under the patron's lock: these counts cannot change before the hold is written.
    const [duplicate, onLoan, openHolds] = await Promise.all([
      tx.hold.count({ where: { patronId, titleId, status: { in: [...OPEN_HOLD_STATUSES] } } }),
      tx.loan.count({ where: { patronId, returnedAt: null, copy: { titleId } } }),
      tx.hold.count({ where: { patronId, status: { in: [...OPEN_HOLD_STATUSES] } } }),
    ]);
    if (duplicate) throw holdRefusal("DUPLICATE_HOLD");
    if (onLoan) throw holdRefusal("ON_LOAN_TO_YOU");
    if (openHolds >= patron.policy.maxHolds) throw holdRefusal("HOLD_LIMIT", patron.policy.maxHolds);
    // Only copies whose type this patron may reserve (holdable and for loan) can serve the hold.
    const rules = await rulesForCategory(tx, patron.categoryId, patron.policy);
    const holdable = [...rules].filter(([, { rule }]) => rule.holdable && !rule.notForLoan).map(([code]) => code);
    const copyTypes = await tx.copy.findMany({ where: { titleId, status: { not: "WITHDRAWN" } }, distinct: ["itemTypeCode"], select: { itemTypeCode: true } });
    if (copyTypes.length > 0 && !copyTypes.some((c) => holdable.includes(c.itemTypeCode))) {
      throw holdRefusal("NOT_HOLDABLE", 0, copyTypes.map((c) => rules.get(c.itemTypeCode)?.itemType.name ?? c.itemTypeCode));
    }

    const hold = await tx.hold.create({ data: { titleId, patronId, placedAt: at } });
    let status: PlaceHoldResult["status"] = "WAITING";
    const waitingBefore = await tx.hold.count({ where: { titleId, status: "WAITING", id: { not: hold.id } } });
    if (waitingBefore === 0) {
      for (let attempt = 0; attempt < 5 && status === "WAITING"; attempt++) {
        const copy = await tx.copy.findFirst({ where: { titleId, status: "AVAILABLE", itemTypeCode: { in: holdable } }, orderBy: { id: "asc" }, select: { id: true } });
        if (!copy) break;
        if (!(await tryMoveCopy(tx, copy.id, ["AVAILABLE"], "ON_HOLD_SHELF"))) continue;
        await tx.hold.update({ where: { id: hold.id }, data: { status: "IN_PROCESS", copyId: copy.id } });
        status = "IN_PROCESS";
      }
    }
    await recordAudit(tx, { actorId: circulationActor(actorId, patron), action: "hold.place", entityType: "Hold", entityId: hold.id, details: { setAside: status === "IN_PROCESS", ...(via ? { via } : {}) } });
    return { holdId: hold.id, status, position: status === "WAITING" ? waitingBefore + 1 : 0 };
  });
}
