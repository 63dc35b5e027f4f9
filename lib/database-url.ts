// The one place that reads DATABASE_URL. Shared by the app, the Prisma CLI config and scripts,
// so it must not import anything server-only.
export const DEFAULT_DATABASE_URL = "file:./data/stacks.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

export type DatabaseKind = "sqlite" | "postgresql";

/**
 * Which database a URL names. Anything but `file:` and `postgres(ql)://` is refused, so a
 * mistyped scheme (`postgress://…`) never becomes an SQLite file named after the URL.
 */
export function databaseKind(url = databaseUrl()): DatabaseKind {
  if (isPostgresUrl(url)) return "postgresql";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error("DATABASE_URL must be file:<path> for SQLite or postgresql://… for PostgreSQL.");
}

/** Path of the SQLite file named by a `file:` URL, relative to the working directory. */
export function sqliteFilePath(url: string): string {
  return url.replace(/^file:/, "");
}

/**
 * Whether a new, empty database gets the demo library (whose passwords are published):
 * STACKS_DEMO=1 asks for it anywhere; otherwise only the default SQLite file of a source
 * checkout gets it, and never a server started with NODE_ENV=production.
 */
export function demoSeedingWanted({ url, env, isCheckout }: { url: string; env: Record<string, string | undefined>; isCheckout: boolean }): boolean {
  if (env.STACKS_DEMO === "1") return true;
  if (env.STACKS_DEMO === "0" || env.NODE_ENV === "production") return false;
  return url === DEFAULT_DATABASE_URL && isCheckout;
}
