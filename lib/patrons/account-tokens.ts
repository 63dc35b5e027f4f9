import { createHash, randomBytes } from "node:crypto";
import type { Tx } from "../db";
import { DomainError } from "../errors";
import type { AccountTokenPurpose } from "../generated/sqlite/enums";

/** A link sent by email works for an hour, once. */
export const TOKEN_LIFETIME_MS = 60 * 60_000;

export const USED_OR_EXPIRED = "This link has already been used or has expired.";

/** Only this is stored: the link's token cannot be read back from the database. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Writes a new single-use token for the account; the raw token (32 random bytes) is returned once, for the link. */
export async function issueToken(tx: Tx, options: { userId: number; purpose: AccountTokenPurpose; at: Date; newEmail?: string }): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx.accountToken.create({
    data: {
      userId: options.userId,
      purpose: options.purpose,
      tokenHash: hashToken(token),
      newEmail: options.newEmail ?? null,
      createdAt: options.at,
      expiresAt: new Date(options.at.getTime() + TOKEN_LIFETIME_MS),
    },
  });
  return token;
}

/**
 * Uses the token: one conditional update on an unused, unexpired token of the purpose, its count
 * checked, so two requests with the same link cannot both succeed. Returns the token's row.
 */
export async function useToken(tx: Tx, token: string, purpose: AccountTokenPurpose, at: Date) {
  const tokenHash = hashToken(token);
  const { count } = await tx.accountToken.updateMany({ where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: at } }, data: { usedAt: at } });
  if (count !== 1) throw new DomainError("REFUSED", USED_OR_EXPIRED, undefined, "LINK_USED_OR_EXPIRED");
  return tx.accountToken.findUniqueOrThrow({ where: { tokenHash }, select: { id: true, userId: true, newEmail: true } });
}

/** Whether a link still works (for the page it opens; using it checks again). */
export async function tokenIsUsable(client: Pick<Tx, "accountToken">, token: string, purpose: AccountTokenPurpose, at: Date): Promise<boolean> {
  const row = await client.accountToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { purpose: true, usedAt: true, expiresAt: true } });
  return Boolean(row && row.purpose === purpose && !row.usedAt && row.expiresAt > at);
}
