// Search-quality benchmark (issue 15): the query set of bench/lib/search-quality.ts over the
// demo's goodbooks-10k catalogue, the share whose book comes in the first three results, per
// kind of query, and the p95 time of a search. SQLite always; PostgreSQL as well when
// DATABASE_URL names a PostgreSQL server (or with --db postgresql).
//
//   npm run bench:search-quality
//   npm run bench:search-quality -- --db postgresql
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { isPostgresUrl } from "@/lib/database-url";
import { benchArgs, benchDatabaseUrls } from "./lib/args";
import { prepareBenchDatabase } from "./lib/bench-database";
import { benchEnvironment } from "./lib/environment";
import { type QualityReport, runQualityQueries } from "./lib/search-quality";
import { percentiles, round } from "./lib/stats";

const DATABASES = benchDatabaseUrls("bench-search-quality.db", "stacks_bench_quality");
type DbKind = keyof typeof DATABASES;
const GOODBOOKS_TITLES = 10_000;

/** In a child process with DATABASE_URL set (lib/db picks its database at import). */
async function child(kind: DbKind): Promise<void> {
  const { db } = await import("@/lib/db");
  const { seedDemoLibrary } = await import("@/lib/demo/seed-demo-library");
  const { searchCatalogue } = await import("@/lib/search/search-catalogue");
  const { EMPTY_SEARCH } = await import("@/lib/search/search-options");
  if ((await db.title.count()) === 0) {
    await seedDemoLibrary(db);
    // Fresh statistics, and on PostgreSQL the GIN index's pending list emptied, as bench/search.ts does.
    await db.$executeRawUnsafe(kind === "postgresql" ? "VACUUM ANALYZE" : "ANALYZE");
  }
  const search = async (q: string) => (await searchCatalogue({ ...EMPTY_SEARCH, q })).hits.map((h) => h.title);
  // One untimed round first: the spelling vocabulary and the statement plans are made once per process.
  await runQualityQueries(search);
  const report = await runQualityQueries(search);
  writeFileSync(`bench/results/search-quality-${kind}.tmp`, JSON.stringify(report));
  await db.$disconnect();
}

function measure(kind: DbKind): QualityReport {
  const url = DATABASES[kind];
  const run = spawnSync("npx", ["tsx", "bench/search-quality.ts", "--child", kind], { stdio: "inherit", env: { ...process.env, DATABASE_URL: url } });
  if (run.status !== 0) throw new Error(`[${kind}] search-quality run failed`);
  return JSON.parse(readFileSync(`bench/results/search-quality-${kind}.tmp`, "utf8")) as QualityReport;
}

async function main(): Promise<void> {
  const { child: childKind, kinds } = benchArgs(DATABASES);
  if (childKind) return child(childKind);
  mkdirSync("bench/results", { recursive: true });
  const asked = process.argv.includes("--db") ? kinds : (["sqlite", ...(isPostgresUrl(process.env.DATABASE_URL ?? "") ? ["postgresql" as const] : [])] as DbKind[]);
  const env = benchEnvironment();
  for (const kind of asked) {
    await prepareBenchDatabase(DATABASES[kind], GOODBOOKS_TITLES);
    const report = measure(kind);
    const times = percentiles(report.timesMs);
    writeFileSync(
      `bench/results/search-quality-${kind}.json`,
      `${JSON.stringify({ benchmark: "search-quality", database: kind, environment: env, ...report, timesMs: undefined, time: times }, null, 2)}\n`,
    );
    console.log(`\nSearch quality · ${kind} · ${report.total} queries over goodbooks-10k · commit ${env.commit}`);
    console.table(
      Object.entries(report.byKind).map(([kind, k]) => ({ kind, queries: k.total, "found in top 3": k.found, share: `${round(k.share * 100)} %` })),
    );
    console.log(`${kind}: ${report.found} of ${report.total} found in the first three (${round(report.share * 100)} %); p50 ${round(times.p50)} ms, p95 ${round(times.p95)} ms a search`);
    for (const m of report.misses) console.log(`  missed (${m.kind}) “${m.q}” → ${m.got.join(" | ") || "nothing"}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
