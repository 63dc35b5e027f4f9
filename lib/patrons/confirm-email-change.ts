import { recordAudit } from "../audit";
import { now } from "../clock";
import { db, isUniqueViolation } from "../db";
import { DomainError } from "../errors";
import { enqueueAccountEmail } from "../notifications/enqueue";
import { appUrl, emailChangedMessage } from "../notifications/templates";
import { librarySettingsIn } from "../settings";
import { useToken } from "./account-tokens";

/**
 * Following the link sent to the new address: the account's email changes (once, within the
 * link's hour) and the old address is told, in the same transaction.
 */
export async function confirmEmailChange({ token }: { token: string }): Promise<{ email: string }> {
  const at = now();
  try {
    return await db.$transaction(async (tx) => {
      const { userId, newEmail } = await useToken(tx, token, "EMAIL_CHANGE", at);
      const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, closedAt: true } });
      if (before.closedAt) throw new DomainError("REFUSED", "This account is closed.");
      await tx.user.update({ where: { id: userId }, data: { email: newEmail } });
      if (before.email) {
        const library = { ...(await librarySettingsIn(tx)), appUrl: appUrl() };
        await enqueueAccountEmail(tx, { userId, key: `user:${userId}:email-changed:${at.getTime()}`, message: emailChangedMessage(library, newEmail!), toAddress: before.email }, at);
      }
      await recordAudit(tx, { actorId: userId, action: "patron.email_change", entityType: "User", entityId: userId });
      return { email: newEmail! };
    });
  } catch (e) {
    if (isUniqueViolation(e, "email")) throw new DomainError("CONFLICT", "Another account uses that email address now, so yours was not changed.");
    throw e;
  }
}
