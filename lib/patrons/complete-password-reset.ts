import { recordAudit } from "../audit";
import { now } from "../clock";
import { db } from "../db";
import { DomainError } from "../errors";
import { tokenIsUsable, USED_OR_EXPIRED, useToken } from "./account-tokens";
import { hashPassword } from "./password";
import { endOtherSessions } from "./sessions";

export type CompletePasswordResetOptions = { token: string; newPassword: string };

/**
 * Following the emailed link: the token is used (once, within its hour) and the password set in
 * one transaction; every session of the account ends, and the account's other reset links stop
 * working. Returns the account's email, to sign in with.
 */
export async function completePasswordReset({ token, newPassword }: CompletePasswordResetOptions): Promise<{ userId: number; email: string | null }> {
  // A dead link costs no argon2 hash; the transaction checks the link again when it uses it.
  if (!(await tokenIsUsable(db, token, "PASSWORD_RESET", now()))) throw new DomainError("REFUSED", USED_OR_EXPIRED, undefined, "LINK_USED_OR_EXPIRED");
  const passwordHash = await hashPassword(newPassword);
  const at = now();
  return db.$transaction(async (tx) => {
    const { userId } = await useToken(tx, token, "PASSWORD_RESET", at);
    const { count } = await tx.user.updateMany({
      where: { id: userId, closedAt: null },
      data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 } },
    });
    if (count !== 1) throw new DomainError("REFUSED", USED_OR_EXPIRED, undefined, "LINK_USED_OR_EXPIRED");
    await endOtherSessions(tx, userId, null, true);
    await tx.accountToken.updateMany({ where: { userId, purpose: "PASSWORD_RESET", usedAt: null }, data: { usedAt: at } });
    await recordAudit(tx, { actorId: userId, action: "patron.password_reset_by_email", entityType: "User", entityId: userId });
    const { email } = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
    return { userId, email };
  });
}
