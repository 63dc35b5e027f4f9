/**
 * A benchmark's command line: `--db <kind>` measures one database, `--rebuild` rebuilds the app
 * first, `--workers <n>` serves from n server processes (STACKS_WEB_WORKERS; unset, the server's
 * default), and `--child <kind>` marks the process the benchmark spawns with that DATABASE_URL.
 */
export function benchArgs<K extends string>(databases: Record<K, string>) {
  const argv = process.argv.slice(2);
  const value = (flag: string) => (argv.includes(flag) ? (argv[argv.indexOf(flag) + 1] ?? null) : null);
  const all = Object.keys(databases) as K[];
  const db = value("--db");
  if (db !== null && !all.includes(db as K)) throw new Error(`--db must be one of ${all.join(", ")}`);
  const workers = value("--workers");
  if (workers !== null && !/^[1-9]\d*$/.test(workers)) throw new Error("--workers must be a whole number from 1");
  // SQLite is served by one process (docs/decisions/022-server-workers.md).
  if (workers !== null && Number(workers) > 1 && db !== "postgresql") throw new Error("--workers above 1 needs --db postgresql");
  return { child: value("--child") as K | null, kinds: db ? [db as K] : all, rebuild: argv.includes("--rebuild"), workers: workers === null ? undefined : Number(workers) };
}

/** A benchmark's two databases: an SQLite file in data/ and a PostgreSQL database on BENCH_POSTGRES_URL's server. */
export function benchDatabaseUrls(sqliteFile: string, postgresDatabase: string) {
  const server = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  return { sqlite: `file:./data/${sqliteFile}`, postgresql: server.replace(/\/[^/]*$/, `/${postgresDatabase}`) } as const;
}
