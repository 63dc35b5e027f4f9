import { recordAudit } from "../audit";
import { now } from "../clock";
import { db } from "../db";
import { enqueueAccountEmail } from "../notifications/enqueue";
import { appUrl, passwordResetMessage } from "../notifications/templates";
import { librarySettingsIn } from "../settings";
import { issueToken } from "./account-tokens";
import { overLimit } from "./sign-in-throttle";
import { countAttempt, throttle } from "./throttle-counter";

export type RequestPasswordResetOptions = { email: string; address: string };

/** What the page says after every request, whether or not an account has the address. */
export const RESET_REQUESTED = "If an account uses that email address, we have sent it a link to choose a new password. The link works once, within an hour.";

/**
 * "Forgot password?": emails the account a single-use link valid for an hour. The answer is
 * the same whether or not the address belongs to an account (the caller shows RESET_REQUESTED).
 * Requests are throttled per address; past a few links an hour the account gets no more,
 * silently, while the links already sent keep working. Staff reset their own password this way
 * too: the link goes to their own address. A closed account gets nothing.
 */
export async function requestPasswordReset({ email, address }: RequestPasswordResetOptions): Promise<void> {
  await throttle("resetRequest", address, "Too many password reset requests from your network. Please wait an hour and try again.");
  const user = await db.user.findFirst({ where: { email: email.trim().toLowerCase(), closedAt: null }, select: { id: true } });
  if (!user) return;
  if (overLimit("resetEmail", await countAttempt("resetEmail", String(user.id)))) return;
  const at = now();
  await db.$transaction(async (tx) => {
    const token = await issueToken(tx, { userId: user.id, purpose: "PASSWORD_RESET", at });
    const library = { ...(await librarySettingsIn(tx)), appUrl: appUrl() };
    await enqueueAccountEmail(
      tx,
      { userId: user.id, key: `user:${user.id}:reset:${at.getTime()}:${token.slice(0, 8)}`, message: passwordResetMessage(library), secretLink: `${library.appUrl}/reset-password?token=${token}` },
      at,
    );
    await recordAudit(tx, { actorId: user.id, action: "patron.password_reset_requested", entityType: "User", entityId: user.id });
  });
}
