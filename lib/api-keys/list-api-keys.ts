import { db } from "../db";
import { readScopes, type ApiScope } from "./scopes";

export type ApiKeyRow = { id: number; name: string; prefix: string; scopes: ApiScope[]; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null; createdBy: string | null };

/** Every key, newest first (a key keeps its place when revoked), for the dashboard (never their hashes). */
export async function listApiKeys(): Promise<ApiKeyRow[]> {
  const keys = await db.apiKey.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, name: true, prefix: true, scopes: true, createdAt: true, lastUsedAt: true, revokedAt: true, createdById: true },
  });
  const creators = await db.user.findMany({ where: { id: { in: keys.map((k) => k.createdById) } }, select: { id: true, name: true } });
  const names = new Map(creators.map((c) => [c.id, c.name]));
  return keys.map(({ scopes, createdById, ...k }) => ({ ...k, scopes: readScopes(scopes), createdBy: names.get(createdById) ?? null }));
}
