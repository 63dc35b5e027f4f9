import { createHash, randomBytes } from "node:crypto";
import { recordAudit } from "../audit";
import { now } from "../clock";
import { db, isUniqueViolation } from "../db";
import { DomainError } from "../errors";
import type { NewApiKey } from "./schemas";

/** Keys start with this, so a leaked one is easy to recognise (and to search for in code). */
export const API_KEY_PREFIX = "stk_";

/** How a key is stored and found: 32 random bytes need no slow hash to resist guessing. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export type CreatedApiKey = { id: number; name: string; prefix: string; scopes: string[]; key: string };

/**
 * An administrator creates a key for another system: the whole key is returned this once (to be
 * shown once), only its hash and first characters are kept. The key acts in its creator's name.
 */
export async function createApiKey(input: NewApiKey, actorId: number): Promise<CreatedApiKey> {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  const prefix = key.slice(0, API_KEY_PREFIX.length + 6);
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.apiKey.create({
        data: { name: input.name, prefix, keyHash: hashApiKey(key), scopes: input.scopes.join(","), createdById: actorId, createdAt: now() },
      });
      await recordAudit(tx, { actorId, action: "api_key.create", entityType: "ApiKey", entityId: row.id, details: { name: row.name, scopes: input.scopes } });
      return { id: row.id, name: row.name, prefix, scopes: input.scopes, key };
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const message = `A key named ${input.name} exists already (revoked keys keep their names, so the audit log stays clear).`;
    throw new DomainError("CONFLICT", message, { name: message });
  }
}
