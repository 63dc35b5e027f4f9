// Catalogue search benchmark (docs: ../shared/notes/bench.md). For SQLite and PostgreSQL:
// a 100,000-title catalogue, then searchCatalogue in-process, the /search page over HTTP paced
// at a busy library's load, and the same page saturated.
//
//   npm run bench:search                 both databases
//   npm run bench:search -- --db sqlite  one of them (sqlite | postgresql)
//   npm run bench:search -- --rebuild    rebuild the app into .next-bench first
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { BENCH_DATABASES, prepareBenchDatabase } from "./lib/bench-database";
import { benchArgs } from "./lib/args";
import { type BenchEnvironment, benchEnvironment } from "./lib/environment";
import { runLoad } from "./lib/http-load";
import { ensureBuild, freePort, startServer } from "./lib/next-server";
import { measureInProcess, round } from "./lib/stats";

const TITLES = 100_000;
const CONNECTIONS = 20;
const PACED_RATE = 50;
/** Suggestions must keep up with typing: p95 in-process at 100,000 titles. */
const SUGGESTION_GOAL_MS = 20;

/** The query mix: one-word, multi-word, author, ISBN and filtered searches, as /search query strings. */
const QUERIES = [
  "q=love",
  "q=harry",
  "q=night",
  "q=garden",
  "q=kingdom",
  "q=hunger+games",
  "q=lord+of+the+rings",
  "q=the+silent+river",
  "q=gone+with+the+wind",
  "q=letters+of+lisbon",
  "q=rowling",
  "q=stephen+king",
  "q=tolkien",
  "q=jane+austen",
  "q=anna+costa",
  "q=9780439023481",
  "q=0-439-02348-3",
  "q=978-0-7432-7356-5",
  "q=9780061120084",
  "genre=fantasy&available=1",
  "q=love&from=1990&to=2010",
  "author=Stephen+King",
  "q=river&language=fr",
  "genre=mystery&sort=year",
  "q=garden&available=1&sort=title",
];

/** What the search box sends as a patron types: one letter more each time, and a second word begun. */
const SUGGESTION_PREFIXES = ["ha", "har", "harr", "harry", "harry p", "harry pot", "hu", "hun", "hung", "hunger g", "the", "the h", "the hob", "ro", "row", "rowl", "st", "stephen k", "to", "tol", "tolk", "lo", "lov", "love", "gar", "gard", "kingd", "silent ri", "an", "anna co", "zz", "qx"];

type InProcessFigures = Awaited<ReturnType<typeof measureInProcess>>;
type DbKind = keyof typeof BENCH_DATABASES;

/**
 * In a child process with DATABASE_URL set (lib/db picks its database at import): fill the
 * catalogue if it is empty, make sure an admin exists (else every page redirects to /setup),
 * then time searchCatalogue itself.
 */
async function child(kind: DbKind): Promise<void> {
  const { db } = await import("@/lib/db");
  const { buildBenchCatalogue } = await import("./lib/bench-catalogue");
  const { searchCatalogue } = await import("@/lib/search/search-catalogue");
  const { parseSearchParams } = await import("@/lib/search/search-options");
  const { suggestTitles } = await import("@/lib/search/suggest-titles");

  if ((await db.title.count()) === 0) {
    const started = performance.now();
    console.log(`[${kind}] building a ${TITLES.toLocaleString("en-US")}-title catalogue …`);
    await buildBenchCatalogue(db, TITLES);
    // Fresh statistics for both planners; on PostgreSQL, VACUUM also empties the GIN index's
    // pending list, which every search would otherwise scan (6 ms a query at 100,000 titles).
    await db.$executeRawUnsafe(kind === "postgresql" ? "VACUUM ANALYZE" : "ANALYZE");
    console.log(`[${kind}] built in ${round((performance.now() - started) / 1000)} s`);
  }
  const staff = await db.patronCategory.upsert({ where: { code: "STAFF" }, update: {}, create: { code: "STAFF", name: "Staff" } });
  await db.user.upsert({
    where: { email: "bench-admin@bench.stacks" },
    update: {},
    // No password can sign in with this hash: the account only marks the library as set up.
    create: { email: "bench-admin@bench.stacks", name: "Bench admin", passwordHash: "!", role: "ADMIN", cardNumber: "BENCH-ADMIN", categoryId: staff.id },
  });

  const options = QUERIES.map((q) => parseSearchParams(new URLSearchParams(q)));
  const figures = await measureInProcess(options, (o) => searchCatalogue(o));
  const facets = await measureInProcess(options, (o) => searchCatalogue({ ...o, facets: true }), { warmup: 50, iterations: 500 });
  // The first call builds the suggestion index; measured apart, as a process pays it once.
  const indexStarted = performance.now();
  await suggestTitles(SUGGESTION_PREFIXES[0]);
  const suggestionIndexMs = performance.now() - indexStarted;
  const suggestions = await measureInProcess(SUGGESTION_PREFIXES, (q) => suggestTitles(q));
  const copies = await db.copy.count();
  writeFileSync(`bench/results/search-${kind}.inprocess.tmp`, JSON.stringify({ figures, facets, suggestions, suggestionIndexMs, titles: await db.title.count(), copies }));
  await db.$disconnect();
}

function dataSize(kind: DbKind): string {
  if (kind !== "sqlite") return "";
  const bytes = statSync(BENCH_DATABASES.sqlite.replace(/^file:/, "")).size;
  return `, ${round(bytes / 1024 / 1024)} MB file`;
}

type Report = {
  benchmark: "search";
  database: DbKind;
  environment: BenchEnvironment;
  /** STACKS_WEB_WORKERS the server ran with (--workers), or its default. */
  serverWorkers: number | "default";
  data: { titles: number; copies: number; note: string };
  queries: string[];
  inProcess: InProcessFigures;
  inProcessWithFacets: InProcessFigures;
  suggestions: InProcessFigures & { prefixes: string[]; indexBuildMs: number; goalP95Ms: number; met: boolean };
  httpPaced: Awaited<ReturnType<typeof runLoad>> & { connections: number; overallRate: number; seconds: number; pacing: string };
  httpPacedBurst: Awaited<ReturnType<typeof runLoad>> & { connections: number; overallRate: number; seconds: number; pacing: string };
  httpSaturated: Awaited<ReturnType<typeof runLoad>> & { connections: number; seconds: number };
  goal: { p95PacedMs: number; met: boolean };
};

async function benchDatabase(kind: DbKind, workers: number | undefined): Promise<Report> {
  const url = BENCH_DATABASES[kind];
  const state = await prepareBenchDatabase(url, TITLES);
  console.log(`[${kind}] ${url}: ${state === "reused" ? "reusing the catalogue" : "fresh database"}`);

  const run = spawnSync("npx", ["tsx", "bench/search.ts", "--child", kind], { stdio: "inherit", env: { ...process.env, DATABASE_URL: url } });
  if (run.status !== 0) throw new Error(`[${kind}] in-process run failed`);
  const tmp = `bench/results/search-${kind}.inprocess.tmp`;
  const { figures, facets, suggestions, suggestionIndexMs, titles, copies } = JSON.parse(readFileSync(tmp, "utf8")) as {
    figures: InProcessFigures;
    facets: InProcessFigures;
    suggestions: InProcessFigures;
    suggestionIndexMs: number;
    titles: number;
    copies: number;
  };

  // Every request renders: the 25 queries come round again within the visitors' page cache's
  // seconds, and this measures what a search costs, not what remembering one saves.
  const server = await startServer(url, await freePort(), { pageCacheSeconds: 0, workers });
  try {
    const paths = QUERIES.map((q) => `/search?${q}`);
    await runLoad({ url: server.url, paths, connections: CONNECTIONS, seconds: 5 });
    const paced = await runLoad({ url: server.url, paths, connections: CONNECTIONS, seconds: 20, overallRate: PACED_RATE, staggered: true });
    const burst = await runLoad({ url: server.url, paths, connections: CONNECTIONS, seconds: 20, overallRate: PACED_RATE });
    const saturated = await runLoad({ url: server.url, paths, connections: CONNECTIONS, seconds: 10 });
    return {
      benchmark: "search",
      database: kind,
      environment: benchEnvironment(),
      serverWorkers: workers ?? "default",
      data: { titles, copies, note: `10,000 goodbooks-10k titles + ${(titles - 10_000).toLocaleString("en-US")} generated${dataSize(kind)}` },
      queries: QUERIES,
      inProcess: figures,
      inProcessWithFacets: facets,
      suggestions: { ...suggestions, prefixes: SUGGESTION_PREFIXES, indexBuildMs: suggestionIndexMs, goalP95Ms: SUGGESTION_GOAL_MS, met: suggestions.p95 <= SUGGESTION_GOAL_MS },
      httpPaced: { ...paced, connections: CONNECTIONS, overallRate: PACED_RATE, seconds: 20, pacing: "20 single-connection runs, started 50 ms apart" },
      httpPacedBurst: { ...burst, connections: CONNECTIONS, overallRate: PACED_RATE, seconds: 20, pacing: "autocannon --overallRate: all connections send at each second's tick" },
      httpSaturated: { ...saturated, connections: CONNECTIONS, seconds: 10 },
      goal: { p95PacedMs: 30, met: paced.p95 <= 30 },
    };
  } finally {
    await server.stop();
  }
}

function printTable(reports: Report[]): void {
  const env = reports[0].environment;
  console.log(`\nCatalogue search · ${env.cores} cores (${env.cpu}) · Node ${env.node} · commit ${env.commit}`);
  const rows = reports.flatMap((r) => [
    { db: r.database, measure: "in-process", p50: r.inProcess.p50, p95: r.inProcess.p95, p99: r.inProcess.p99, rate: `${round(r.inProcess.opsPerSecond)} ops/s`, data: r.data.note },
    { db: r.database, measure: "in-process + facets", p50: r.inProcessWithFacets.p50, p95: r.inProcessWithFacets.p95, p99: r.inProcessWithFacets.p99, rate: `${round(r.inProcessWithFacets.opsPerSecond)} ops/s`, data: "the results page: one grouped query more" },
    { db: r.database, measure: "suggestions in-process", p50: r.suggestions.p50, p95: r.suggestions.p95, p99: r.suggestions.p99, rate: `${round(r.suggestions.opsPerSecond)} ops/s`, data: `index built in ${round(r.suggestions.indexBuildMs)} ms` },
    { db: r.database, measure: `HTTP paced ${PACED_RATE}/s`, p50: r.httpPaced.p50, p95: r.httpPaced.p95, p99: r.httpPaced.p99, rate: `${round(r.httpPaced.requestsPerSecond)} req/s`, data: `errors ${r.httpPaced.errors + r.httpPaced.non2xx}` },
    { db: r.database, measure: `HTTP ${PACED_RATE}/s bursts`, p50: r.httpPacedBurst.p50, p95: r.httpPacedBurst.p95, p99: r.httpPacedBurst.p99, rate: `${round(r.httpPacedBurst.requestsPerSecond)} req/s`, data: `errors ${r.httpPacedBurst.errors + r.httpPacedBurst.non2xx}` },
    { db: r.database, measure: "HTTP saturated", p50: r.httpSaturated.p50, p95: r.httpSaturated.p95, p99: r.httpSaturated.p99, rate: `${round(r.httpSaturated.requestsPerSecond)} req/s`, data: `errors ${r.httpSaturated.errors + r.httpSaturated.non2xx}` },
  ]);
  console.table(rows.map((r) => ({ ...r, p50: round(r.p50), p95: round(r.p95), p99: round(r.p99) })));
  for (const r of reports) {
    console.log(`${r.database}: paced p95 ${round(r.httpPaced.p95)} ms — goal ≤ 30 ms ${r.goal.met ? "met" : "MISSED"}`);
    console.log(`${r.database}: suggestions p95 ${round(r.suggestions.p95)} ms in-process — goal ≤ ${SUGGESTION_GOAL_MS} ms ${r.suggestions.met ? "met" : "MISSED"}`);
  }
}

async function main(): Promise<void> {
  const { child: childKind, kinds, rebuild, workers } = benchArgs(BENCH_DATABASES);
  if (childKind) return child(childKind);
  mkdirSync("bench/results", { recursive: true });
  ensureBuild(rebuild);
  const reports: Report[] = [];
  for (const kind of kinds) {
    const report = await benchDatabase(kind, workers);
    writeFileSync(`bench/results/search-${kind}.json`, `${JSON.stringify(report, null, 2)}\n`);
    reports.push(report);
  }
  printTable(reports);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
