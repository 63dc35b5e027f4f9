import { randomInt } from "node:crypto";
import { recordAudit } from "../audit";
import { db } from "../db";
import { DomainError } from "../errors";
import { hashPassword } from "./password";

// No 0/O, 1/l/I: the librarian reads it out or writes it down for the patron.
const ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

export function temporaryPassword(length = 14): string {
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

export type ResetPasswordOptions = { patronId: number; actorId: number };

/**
 * Staff reset a patron's password to a generated temporary one, returned once to be handed
 * over (it is not stored anywhere but as its hash); the patron changes it on their account page.
 */
export async function resetPassword({ patronId, actorId }: ResetPasswordOptions): Promise<{ temporaryPassword: string }> {
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: patronId }, data: { passwordHash } });
    if (count !== 1) throw new DomainError("NOT_FOUND", "No such patron.");
    await recordAudit(tx, { actorId, action: "patron.password_reset", entityType: "User", entityId: patronId });
  });
  return { temporaryPassword: password };
}
