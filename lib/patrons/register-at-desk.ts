import { recordAudit } from "../audit";
import { now } from "../clock";
import { db, isUniqueViolation } from "../db";
import { DomainError } from "../errors";
import { librarySettingsIn } from "../settings";
import type { DeskRegisterInput } from "./admin-schemas";
import { cardExpiry } from "./card-expiry";
import { newCardNumber } from "./card-number";
import { IMPORTED_PASSWORD_HASH } from "./import-patrons";
import { rolesManageableBy } from "./staff-powers";

export type RegisterAtDeskOptions = { input: DeskRegisterInput; actorId: number };
export type DeskRegistered = { id: number; name: string; cardNumber: string };

const CARD_TAKEN = "This card number belongs to another patron.";
const EMAIL_TAKEN = "Another account already uses this email.";

/**
 * A librarian registers a walk-in at the desk, in one transaction: the account, its card (the one
 * scanned, or a new number) valid for the category's card validity from today, and the audit
 * entry. Like an imported patron, the account has no password until staff reset it (a temporary
 * one, shown once), so nobody can sign in as a patron who was never told a password.
 */
export async function registerAtDesk({ input, actorId }: RegisterAtDeskOptions): Promise<DeskRegistered> {
  const { cardNumber: scanned, ...details } = input;
  // An issued number that happens to be taken is drawn again; a scanned one is refused.
  for (let attempt = 0; attempt < 5; attempt++) {
    const cardNumber = scanned ?? newCardNumber();
    try {
      return await db.$transaction(async (tx) => {
        await rolesManageableBy(tx, actorId);
        const category = await tx.patronCategory.findUnique({ where: { id: details.categoryId }, select: { id: true, cardValidityDays: true } });
        if (!category) throw new DomainError("INVALID_INPUT", "Choose a category.", { categoryId: "Choose a category." });
        const { timeZone } = await librarySettingsIn(tx);
        const at = now();
        const patron = await tx.user.create({
          data: { ...details, cardNumber, passwordHash: IMPORTED_PASSWORD_HASH, expiresAt: cardExpiry(at, category.cardValidityDays, timeZone) },
          select: { id: true, name: true, cardNumber: true },
        });
        await recordAudit(tx, {
          actorId,
          action: "patron.register",
          entityType: "User",
          entityId: patron.id,
          details: { role: "PATRON", via: "desk", card: scanned ? "scanned" : "issued" },
        });
        return patron;
      });
    } catch (e) {
      if (isUniqueViolation(e, "email")) throw new DomainError("CONFLICT", EMAIL_TAKEN, { email: EMAIL_TAKEN });
      if (isUniqueViolation(e, "cardNumber")) {
        if (scanned) throw new DomainError("CONFLICT", CARD_TAKEN, { cardNumber: CARD_TAKEN });
        continue;
      }
      throw e;
    }
  }
  throw new Error("Could not issue a unique card number");
}
