/**
 * A benchmark's command line: `--db <kind>` measures one database, `--rebuild` rebuilds the app
 * first, and `--child <kind>` marks the process the benchmark spawns with that DATABASE_URL.
 */
export function benchArgs<K extends string>(databases: Record<K, string>) {
  const argv = process.argv.slice(2);
  const value = (flag: string) => (argv.includes(flag) ? (argv[argv.indexOf(flag) + 1] ?? null) : null);
  const all = Object.keys(databases) as K[];
  const db = value("--db");
  if (db !== null && !all.includes(db as K)) throw new Error(`--db must be one of ${all.join(", ")}`);
  return { child: value("--child") as K | null, kinds: db ? [db as K] : all, rebuild: argv.includes("--rebuild") };
}

/** A benchmark's two databases: an SQLite file in data/ and a PostgreSQL database on BENCH_POSTGRES_URL's server. */
export function benchDatabaseUrls(sqliteFile: string, postgresDatabase: string) {
  const server = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  return { sqlite: `file:./data/${sqliteFile}`, postgresql: server.replace(/\/[^/]*$/, `/${postgresDatabase}`) } as const;
}
