import { now } from "../clock";
import { db } from "../db";
import { hashApiKey } from "./create-api-key";
import { readScopes, type ApiScope } from "./scopes";

export type ApiKeyAccount = {
  id: number;
  name: string;
  scopes: ReadonlySet<ApiScope>;
  /** The administrator who created the key: operations record them as the actor. */
  actorId: number;
  /** The audit entry's "via": "API key Discovery". */
  via: string;
};

/** The minimum between two writes of a key's last-used time: a busy key does not write on every request. */
const LAST_USED_STEP_MS = 60_000;

/** The current (not revoked) key a request presents, or null; records when it was last used. */
export async function authenticateApiKey(key: string): Promise<ApiKeyAccount | null> {
  const row = await db.apiKey.findUnique({ where: { keyHash: hashApiKey(key) } });
  if (!row || row.revokedAt) return null;
  const at = now();
  await db.apiKey.updateMany({
    where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(at.getTime() - LAST_USED_STEP_MS) } }] },
    data: { lastUsedAt: at },
  });
  return { id: row.id, name: row.name, scopes: new Set(readScopes(row.scopes)), actorId: row.createdById, via: `API key ${row.name}` };
}
