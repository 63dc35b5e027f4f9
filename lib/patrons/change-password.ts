import { recordAudit } from "../audit";
import { db } from "../db";
import { DomainError } from "../errors";
import { hashPassword, verifyPassword } from "./password";
import { endOtherSessions } from "./sessions";
import { throttle } from "./throttle-counter";

export type ChangePasswordOptions = { userId: number; currentPassword: string; newPassword: string; sessionId?: string | null };

/**
 * The account's own password change (also the forced one after a staff reset). Attempts are
 * throttled per account before the current password is checked; the account's other sessions
 * end, the one that made the change (`sessionId`) stays signed in.
 */
export async function changePassword({ userId, currentPassword, newPassword, sessionId = null }: ChangePasswordOptions): Promise<void> {
  await throttle("passwordChange", String(userId), "Too many password change attempts. Please wait 15 minutes and try again.");
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user) throw new DomainError("NOT_FOUND", "Account not found.");
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new DomainError("INVALID_INPUT", "Your current password is not right.", {
      currentPassword: "This is not your current password.",
    });
  }
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    // Only replace the hash that was verified: a concurrent change wins, this one is refused.
    const { count } = await tx.user.updateMany({
      where: { id: userId, passwordHash: user.passwordHash },
      data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 } },
    });
    if (count !== 1) throw new DomainError("CONFLICT", "Your password was changed meanwhile. Please try again.");
    await endOtherSessions(tx, userId, sessionId, true);
    await recordAudit(tx, { actorId: userId, action: "patron.password_change", entityType: "User", entityId: userId });
  });
}
