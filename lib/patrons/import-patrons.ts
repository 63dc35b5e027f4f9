import { now } from "../clock";
import { db, type Tx } from "../db";
import { badRowsError, DomainError } from "../errors";
import { endOfLibraryDay } from "../policies/library-time";
import { librarySettingsIn } from "../settings";
import { newCardNumber } from "./card-number";
import { parsePatronCsv, planPatronImport } from "./patron-csv";
import { isUniqueViolation } from "./register-patron";
import { rolesManageableBy, STAFF_TARGET_MESSAGE } from "./staff-powers";

export type ImportPatronsOptions = { csv: string; actorId: number };
export type ImportPatronsResult = { added: number; updated: number };

/**
 * A password hash no password can match (argon2 hashes start with "$"): imported patrons
 * cannot sign in until staff reset their password at the desk (a temporary one, shown once).
 * Hashing hundreds of random argon2 passwords nobody knows would only cost minutes.
 */
export const IMPORTED_PASSWORD_HASH = "!imported";

/**
 * Imports patrons in ONE transaction: every row is added or updated by email, or, when any
 * row is bad, nothing is. New patrons get a card (the file's or a new one) valid for their
 * category's card validity from today. A librarian's file may update patrons only: a row naming
 * a staff account refuses the whole file.
 */
export async function importPatrons({ csv, actorId }: ImportPatronsOptions): Promise<ImportPatronsResult> {
  const parsed = parsePatronCsv(csv);
  const at = now();
  try {
    return await db.$transaction(
      async (tx) => {
        const roles = await rolesManageableBy(tx, actorId);
        const plan = await planPatronImport(tx, parsed);
        if (plan.bad.length > 0) throw badRowsError(plan.bad);
        if (plan.adds.length + plan.updates.length === 0) throw new DomainError("INVALID_INPUT", "The file has no patrons to import.", undefined, "EMPTY");
        const { timeZone } = await librarySettingsIn(tx);
        const validity = new Map((await tx.patronCategory.findMany({ select: { id: true, cardValidityDays: true } })).map((c) => [c.id, c.cardValidityDays]));
        const cards = await newCards(tx, plan.adds.filter((r) => !r.cardNumber).length);
        await tx.user.createMany({
          data: plan.adds.map((r) => ({
            name: r.name,
            email: r.email,
            phone: r.phone,
            categoryId: r.categoryId,
            cardNumber: r.cardNumber ?? cards.pop()!,
            passwordHash: IMPORTED_PASSWORD_HASH,
            expiresAt: endOfLibraryDay(at, validity.get(r.categoryId)!, timeZone),
          })),
        });
        for (const r of plan.updates) {
          const { count } = await tx.user.updateMany({
            where: { id: r.patronId, role: { in: roles } },
            data: { name: r.name, categoryId: r.categoryId, ...(r.phone ? { phone: r.phone } : {}), ...(r.cardNumber ? { cardNumber: r.cardNumber } : {}) },
          });
          if (count !== 1) {
            throw new DomainError("FORBIDDEN", `Nothing was imported: line ${r.line} (${r.email}) is a staff account. ${STAFF_TARGET_MESSAGE}`, undefined, "STAFF_TARGET");
          }
        }
        // One entry per account, so each patron's page shows where the record came from.
        const added = await tx.user.findMany({ where: { email: { in: plan.adds.map((r) => r.email) } }, select: { id: true } });
        await tx.auditEntry.createMany({
          data: [
            ...added.map((u) => ({ actorId, action: "patron.import_add", entityType: "User", entityId: String(u.id), createdAt: at })),
            ...plan.updates.map((r) => ({ actorId, action: "patron.import_update", entityType: "User", entityId: String(r.patronId), createdAt: at })),
          ],
        });
        return { added: plan.adds.length, updated: plan.updates.length };
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  } catch (e) {
    if (isUniqueViolation(e, "email") || isUniqueViolation(e, "cardNumber")) {
      throw new DomainError("CONFLICT", "Nothing was imported: an account with one of these emails or card numbers was created meanwhile. Preview the file again.");
    }
    throw e;
  }
}

/** `count` new card numbers that no account holds yet. */
async function newCards(tx: Tx, count: number): Promise<string[]> {
  const cards = new Set<string>();
  while (cards.size < count) {
    const batch = Array.from({ length: count - cards.size }, newCardNumber).filter((c) => !cards.has(c));
    const taken = new Set((await tx.user.findMany({ where: { cardNumber: { in: batch } }, select: { cardNumber: true } })).map((u) => u.cardNumber));
    for (const c of batch) if (!taken.has(c)) cards.add(c);
  }
  return [...cards];
}
