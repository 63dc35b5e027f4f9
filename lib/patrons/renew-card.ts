import { recordAudit } from "../audit";
import { now } from "../clock";
import { db } from "../db";
import { DomainError } from "../errors";
import { librarySettingsIn } from "../settings";
import { cardExpiry } from "./card-expiry";
import { rolesManageableBy, targetRefusal } from "./staff-powers";

export type RenewCardOptions = { patronId: number; actorId: number };

/** Renews a library card: it runs the category's card validity from today (library time). */
export async function renewCard({ patronId, actorId }: RenewCardOptions): Promise<{ expiresAt: Date }> {
  const at = now();
  return db.$transaction(async (tx) => {
    const roles = await rolesManageableBy(tx, actorId);
    const patron = await tx.user.findUnique({ where: { id: patronId }, select: { expiresAt: true, category: { select: { cardValidityDays: true } } } });
    if (!patron) throw new DomainError("NOT_FOUND", "No such patron.");
    const { timeZone } = await librarySettingsIn(tx);
    const expiresAt = cardExpiry(at, patron.category.cardValidityDays, timeZone);
    const { count } = await tx.user.updateMany({ where: { id: patronId, role: { in: roles } }, data: { expiresAt } });
    if (count !== 1) throw (await targetRefusal(tx, patronId, roles)) ?? new DomainError("NOT_FOUND", "No such patron.");
    await recordAudit(tx, {
      actorId,
      action: "patron.renew_card",
      entityType: "User",
      entityId: patronId,
      details: { from: patron.expiresAt?.toISOString() ?? null, to: expiresAt.toISOString() },
    });
    return { expiresAt };
  });
}
