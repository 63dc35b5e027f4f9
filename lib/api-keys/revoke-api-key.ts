import { recordAudit } from "../audit";
import { now } from "../clock";
import { db } from "../db";
import { DomainError } from "../errors";

/** Revokes a key for good: its next request is refused. */
export async function revokeApiKey({ keyId, actorId }: { keyId: number; actorId: number }): Promise<{ name: string }> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.apiKey.updateMany({ where: { id: keyId, revokedAt: null }, data: { revokedAt: now() } });
    const key = await tx.apiKey.findUnique({ where: { id: keyId }, select: { name: true } });
    if (!key) throw new DomainError("NOT_FOUND", "This key no longer exists.");
    if (count !== 1) throw new DomainError("CONFLICT", `${key.name} is already revoked.`);
    await recordAudit(tx, { actorId, action: "api_key.revoke", entityType: "ApiKey", entityId: keyId, details: { name: key.name } });
    return key;
  });
}
