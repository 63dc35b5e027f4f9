import { randomInt } from "node:crypto";
import { recordAudit } from "../audit";
import { db } from "../db";
import { DomainError } from "../errors";
import { hashPassword } from "./password";
import { endOtherSessions } from "./sessions";
import { rolesManageableBy, targetRefusal } from "./staff-powers";
import { throttle } from "./throttle-counter";

// No 0/O, 1/l/I: the librarian reads it out or writes it down for the patron.
const ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

export function temporaryPassword(length = 14): string {
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

export type ResetPasswordOptions = { patronId: number; actorId: number };

/**
 * Staff reset an account's password to a generated temporary one, returned once to be handed
 * over (only its hash is stored). It works once: the account must choose a new password at
 * its next sign-in, and every session it had ends. A librarian resets patrons only, and
 * nobody resets their own password this way (they change it on their account page).
 */
export async function resetPassword({ patronId, actorId }: ResetPasswordOptions): Promise<{ temporaryPassword: string }> {
  if (patronId === actorId) throw new DomainError("FORBIDDEN", "Change your own password on your account page.", undefined, "OWN_ACCOUNT");
  await throttle("passwordReset", String(actorId), "Too many password resets in a short time. Please wait a while and try again.");
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const roles = await rolesManageableBy(tx, actorId);
    const { count } = await tx.user.updateMany({
      where: { id: patronId, role: { in: roles } },
      data: { passwordHash, mustChangePassword: true, sessionVersion: { increment: 1 } },
    });
    if (count !== 1) throw (await targetRefusal(tx, patronId, roles))!;
    await endOtherSessions(tx, patronId, null, true);
    await recordAudit(tx, { actorId, action: "patron.password_reset", entityType: "User", entityId: patronId });
  });
  return { temporaryPassword: password };
}
