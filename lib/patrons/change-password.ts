import { recordAudit } from "../audit";
import { db } from "../db";
import { DomainError } from "../errors";
import { hashPassword, verifyPassword } from "./password";

export type ChangePasswordOptions = { userId: number; currentPassword: string; newPassword: string };

export async function changePassword({ userId, currentPassword, newPassword }: ChangePasswordOptions): Promise<void> {
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
    const { count } = await tx.user.updateMany({ where: { id: userId, passwordHash: user.passwordHash }, data: { passwordHash } });
    if (count !== 1) throw new DomainError("CONFLICT", "Your password was changed meanwhile. Please try again.");
    await recordAudit(tx, { actorId: userId, action: "patron.password_change", entityType: "User", entityId: userId });
  });
}
