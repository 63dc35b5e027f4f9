import { recordAudit } from "../audit";
import { now } from "../clock";
import { db } from "../db";
import { DomainError } from "../errors";
import { enqueueAccountEmail } from "../notifications/enqueue";
import { appUrl, confirmEmailMessage } from "../notifications/templates";
import { librarySettingsIn } from "../settings";
import { issueToken } from "./account-tokens";
import { verifyPassword } from "./password";
import { throttle } from "./throttle-counter";

export type RequestEmailChangeOptions = { userId: number; newEmail: string; currentPassword: string };

/**
 * A new email address is confirmed by a link sent to it: until the link is followed the account
 * keeps its address. The current password is asked for, since the address is where a password
 * reset goes.
 */
export async function requestEmailChange({ userId, newEmail, currentPassword }: RequestEmailChangeOptions): Promise<void> {
  await throttle("emailChange", String(userId), "Too many email changes in a short time. Please wait an hour and try again.");
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, passwordHash: true } });
  if (!user) throw new DomainError("NOT_FOUND", "Account not found.");
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new DomainError("INVALID_INPUT", "Your current password is not right.", { currentPassword: "This is not your current password." });
  }
  if (user.email === newEmail) throw new DomainError("INVALID_INPUT", "That is already your email address.", { newEmail: "This is your email address now." });
  const at = now();
  await db.$transaction(async (tx) => {
    // Only the newest link counts: an earlier one for another address stops working.
    await tx.accountToken.updateMany({ where: { userId, purpose: "EMAIL_CHANGE", usedAt: null }, data: { usedAt: at } });
    const token = await issueToken(tx, { userId, purpose: "EMAIL_CHANGE", at, newEmail });
    const library = { ...(await librarySettingsIn(tx)), appUrl: appUrl() };
    await enqueueAccountEmail(
      tx,
      {
        userId,
        key: `user:${userId}:confirm-email:${at.getTime()}:${token.slice(0, 8)}`,
        message: confirmEmailMessage(library, newEmail),
        toAddress: newEmail,
        secretLink: `${library.appUrl}/confirm-email?token=${token}`,
      },
      at,
    );
    await recordAudit(tx, { actorId: userId, action: "patron.email_change_requested", entityType: "User", entityId: userId });
  });
}
