import { spawn } from "node:child_process";

// pg_dump and pg_restore, run with the app's DATABASE_URL. They come with PostgreSQL's client
// tools, not with Stacks, and must be of the server's major version or newer.

/** Query parameters Prisma understands and libpq refuses. */
const PRISMA_ONLY = ["schema", "connection_limit", "pool_timeout", "pgbouncer", "socket_timeout", "statement_cache_size", "sslaccept", "sslidentity", "sslpassword"];

/**
 * The connection as libpq takes it: the URL without Prisma's own parameters, and without its
 * password, which goes in PGPASSWORD so that it never shows in the process list.
 */
export function libpqConnection(databaseUrl: string): { dbname: string; env: NodeJS.ProcessEnv; shown: string } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = "";
  for (const name of PRISMA_ONLY) url.searchParams.delete(name);
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  return { dbname: url.toString(), env, shown: `${url.host}${url.pathname}` };
}

/** Runs a PostgreSQL client tool; a missing tool or a failure is one line that says what to do. */
export function runPgTool(tool: "pg_dump" | "pg_restore", args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", (e: NodeJS.ErrnoException) =>
      reject(
        e.code === "ENOENT"
          ? new Error(`${tool} was not found: install PostgreSQL's client tools of the server's version or newer (Debian: apt-get install postgresql-client) and put them on PATH.`)
          : e,
      ),
    );
    child.on("close", (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${tool} failed (exit code ${code}): ${stderr.trim().split("\n")[0] ?? "no message"}`));
    });
  });
}
