import { recordAudit } from "../audit";
import { now } from "../clock";
import { db, isUniqueViolation, type Tx } from "../db";
import { DomainError } from "../errors";
import type { Role } from "../generated/sqlite/enums";
import { librarySettingsIn } from "../settings";
import { cardExpiry } from "./card-expiry";
import { newCardNumber } from "./card-number";
import { hashPassword } from "./password";
import type { RegisterInput } from "./schemas";
import { throttle } from "./throttle-counter";

export type RegisterPatronOptions = RegisterInput & {
  role?: Role;
  categoryCode?: string;
  actorId?: number | null;
  /** The requester's address for self-registration and setup: throttled before any hashing. */
  address?: string;
  /** A check that must hold in the same transaction (the first administrator's setup code). */
  guard?: (tx: Tx) => Promise<void>;
};
export type RegisteredPatron = { id: number; name: string; email: string; cardNumber: string; role: Role };

export const DEFAULT_CATEGORY_CODE = "ADULT";

/** Creates an account with a new library card. Email uniqueness is enforced by the database. */
export async function registerPatron(options: RegisterPatronOptions): Promise<RegisteredPatron> {
  const { name, email, password, role = "PATRON", categoryCode = DEFAULT_CATEGORY_CODE, actorId = null, address, guard } = options;
  if (address !== undefined) await throttle("register", address, "Too many new accounts from your network. Please try again later.");
  const passwordHash = await hashPassword(password);
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        await guard?.(tx);
        const category = await tx.patronCategory.findUnique({ where: { code: categoryCode } });
        if (!category) throw new DomainError("INVALID_INPUT", `There is no patron category ${categoryCode}.`);
        const { timeZone } = await librarySettingsIn(tx);
        const user = await tx.user.create({
          data: {
            name,
            email,
            passwordHash,
            role,
            cardNumber: newCardNumber(),
            categoryId: category.id,
            expiresAt: cardExpiry(now(), category.cardValidityDays, timeZone),
          },
          select: { id: true, name: true, email: true, cardNumber: true, role: true },
        });
        await recordAudit(tx, { actorId: actorId ?? user.id, action: "patron.register", entityType: "User", entityId: user.id, details: { role } });
        return { ...user, email };
      });
    } catch (e) {
      if (isUniqueViolation(e, "email")) {
        throw new DomainError("CONFLICT", "An account with this email already exists.", {
          email: "An account with this email already exists. Sign in instead?",
        });
      }
      if (isUniqueViolation(e, "cardNumber")) continue;
      throw e;
    }
  }
  throw new Error("Could not issue a unique card number");
}
