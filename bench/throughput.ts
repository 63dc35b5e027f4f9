// Saturated throughput of the public pages against the app's own cheapest route (docs:
// ../shared/notes/bench.md). For SQLite and PostgreSQL: the demo library (10,000 titles), the
// app served as `npm start` serves it, and 20 connections as fast as they go, in turn on
// /api/health, on /search over many different queries and on /books/[id] over many titles,
// three rounds. The pages twice: as `npm start` serves them (a visitor's repeat of a page within
// STACKS_PAGE_CACHE_SECONDS answered from memory) and rendered every time (the cache off).
// Prints requests per second, p95, the server's CPU time per request and each page's share of
// /api/health.
//
//   npm run bench:throughput                   both databases
//   npm run bench:throughput -- --db sqlite    one of them (sqlite | postgresql)
//   npm run bench:throughput -- --rebuild      rebuild the app into .next-bench first
//   npm run bench:throughput -- --profile      also a CPU profile of each page under load
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { prepareDatabase } from "../scripts/prepare";
import { benchArgs, benchDatabaseUrls } from "./lib/args";
import { readRows } from "./lib/bench-database";
import { summariseCpuProfile, type CpuSummary } from "./lib/cpu-profile";
import { type BenchEnvironment, benchEnvironment } from "./lib/environment";
import { runLoad } from "./lib/http-load";
import { ensureBuild, freePort, type RunningServer, startServer } from "./lib/next-server";
import { median, round } from "./lib/stats";

const DATABASES = benchDatabaseUrls("bench-throughput.db", "stacks_bench_throughput");
type DbKind = keyof typeof DATABASES;
const CONNECTIONS = 20;
const SECONDS = 10;
const ROUNDS = 3;
/** The issue's goal: each page serves at least this share of what /api/health serves. */
const GOAL_RATIO = 0.4;
const ROUTES = ["health", "search", "title", "search rendered", "title rendered"] as const;
type Route = (typeof ROUTES)[number];
/** The pages as a visitor gets them (the page cache on, as `npm start` has it), then rendered every time. */
const PAGES = ["search", "title", "search rendered", "title rendered"] as const;
type Page = (typeof PAGES)[number];

type Sample = { titles: { id: number; title: string; authorNames: string }[] };

/** Every 40th title: their ids for the title pages, their words and authors for the searches. */
async function sampleCatalogue(url: string): Promise<Sample> {
  return { titles: await readRows(url, `SELECT "id", "title", "authorNames" FROM "Title" WHERE "withdrawnAt" IS NULL AND "id" % 40 = 0 ORDER BY "id" LIMIT 250`) };
}

/**
 * What patrons type, drawn from the catalogue so that no two requests in a row share an answer:
 * two words of a title, an author's surname, a title word with a filter, and a misspelt title.
 */
function searchPaths({ titles }: Sample): string[] {
  const words = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2);
  const paths: string[] = [];
  titles.forEach((t, i) => {
    const w = words(t.title);
    const surname = t.authorNames.split(",")[0].trim().split(" ").pop() ?? "";
    const kind = i % 4;
    if (kind === 0 && w.length > 0) paths.push(`q=${encodeURIComponent(w.slice(0, 2).join(" "))}`);
    else if (kind === 1 && surname) paths.push(`q=${encodeURIComponent(surname.toLowerCase())}`);
    else if (kind === 2 && w.length > 0) paths.push(`q=${encodeURIComponent(w[0])}&available=1`);
    // One letter dropped from a longer word: the spelling correction's path.
    else if (kind === 3 && w.some((x) => x.length > 5)) {
      const long = w.find((x) => x.length > 5)!;
      paths.push(`q=${encodeURIComponent(long.slice(0, 2) + long.slice(3))}`);
    }
  });
  return paths.map((q) => `/search?${q}`);
}

/** The server's CPU time so far (user + system), in milliseconds, from /proc. */
function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  // utime and stime are fields 14 and 15 of stat(5), in clock ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

type RouteFigures = { requestsPerSecond: number; p95: number; cpuMsPerRequest: number; errors: number };
type Report = {
  benchmark: "throughput";
  database: DbKind;
  environment: BenchEnvironment;
  /** STACKS_WEB_WORKERS the server ran with (--workers), or its default. */
  serverWorkers: number | "default";
  data: { titles: number; searchPaths: number; titlePaths: number };
  connections: number;
  seconds: number;
  rounds: Record<Route, RouteFigures>[];
  median: Record<Route, RouteFigures>;
  ratio: Record<Page, number>;
  goal: { ratio: number; met: boolean };
  profiles?: Partial<Record<Route, CpuSummary>>;
};

async function measure(server: RunningServer, paths: string[], seconds = SECONDS): Promise<RouteFigures> {
  const cpuBefore = processCpuMs(server.pid);
  const load = await runLoad({ url: server.url, paths, connections: CONNECTIONS, seconds });
  const requests = load.requestsPerSecond * seconds;
  return { requestsPerSecond: load.requestsPerSecond, p95: load.p95, cpuMsPerRequest: (processCpuMs(server.pid) - cpuBefore) / requests, errors: load.errors + load.non2xx + load.timeouts };
}

/** One server per page, rendering every request, profiled from start to stop under that page's load alone. */
async function profileRoutes(kind: DbKind, url: string, pathsFor: Record<Route, string[]>): Promise<Partial<Record<Route, CpuSummary>>> {
  const dir = path.resolve("bench/results/profiles");
  const profiles: Partial<Record<Route, CpuSummary>> = {};
  for (const route of ["search", "title"] as const) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const server = await startServer(url, await freePort(), { nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${dir}`], pageCacheSeconds: 0, workers: 1 });
    await runLoad({ url: server.url, paths: pathsFor[route], connections: CONNECTIONS, seconds: 3 });
    await runLoad({ url: server.url, paths: pathsFor[route], connections: CONNECTIONS, seconds: SECONDS });
    await server.stop();
    const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
    if (!file) throw new Error("the server wrote no CPU profile");
    writeFileSync(`bench/results/throughput-${kind}-${route}.cpuprofile`, readFileSync(path.join(dir, file)));
    profiles[route] = summariseCpuProfile(path.join(dir, file));
  }
  rmSync(dir, { recursive: true, force: true });
  return profiles;
}

async function benchDatabase(kind: DbKind, profile: boolean, workers: number | undefined): Promise<Report> {
  const url = DATABASES[kind];
  process.env.DATABASE_URL = url;
  process.env.STACKS_DEMO = "1";
  await prepareDatabase(url);
  const sample = await sampleCatalogue(url);
  const searches = searchPaths(sample);
  const titles = sample.titles.map((t) => `/books/${t.id}`);
  const pathsFor: Record<Route, string[]> = { health: ["/api/health"], search: searches, title: titles, "search rendered": searches, "title rendered": titles };
  console.log(`[${kind}] ${pathsFor.search.length} searches, ${pathsFor.title.length} title pages`);

  // The same build twice: as `npm start` serves it, and with the page cache off.
  const server = await startServer(url, await freePort(), { workers });
  const rendering = await startServer(url, await freePort(), { pageCacheSeconds: 0, workers }).catch(async (e) => {
    await server.stop();
    throw e;
  });
  const serverFor = (route: Route) => (route.endsWith("rendered") ? rendering : server);
  const rounds: Record<Route, RouteFigures>[] = [];
  try {
    for (const route of ROUTES) await runLoad({ url: serverFor(route).url, paths: pathsFor[route], connections: CONNECTIONS, seconds: 3 });
    for (let r = 0; r < ROUNDS; r++) {
      const round = {} as Record<Route, RouteFigures>;
      for (const route of ROUTES) round[route] = await measure(serverFor(route), pathsFor[route]);
      rounds.push(round);
      console.log(`[${kind}] round ${r + 1}: ${ROUTES.map((route) => `${route} ${Math.round(round[route].requestsPerSecond)} req/s`).join(", ")}`);
    }
  } finally {
    await Promise.all([server.stop(), rendering.stop()]);
  }
  const medianOf = (route: Route): RouteFigures => ({
    requestsPerSecond: median(rounds.map((r) => r[route].requestsPerSecond)),
    p95: median(rounds.map((r) => r[route].p95)),
    cpuMsPerRequest: median(rounds.map((r) => r[route].cpuMsPerRequest)),
    errors: rounds.reduce((n, r) => n + r[route].errors, 0),
  });
  const med = Object.fromEntries(ROUTES.map((route) => [route, medianOf(route)])) as Record<Route, RouteFigures>;
  // Each round's pages against that round's health, then the median: the rounds share a machine state.
  const ratio = (route: Page) => median(rounds.map((r) => r[route].requestsPerSecond / r.health.requestsPerSecond));
  const report: Report = {
    benchmark: "throughput",
    database: kind,
    environment: benchEnvironment(),
    serverWorkers: workers ?? "default",
    data: { titles: 10_000, searchPaths: pathsFor.search.length, titlePaths: pathsFor.title.length },
    connections: CONNECTIONS,
    seconds: SECONDS,
    rounds,
    median: med,
    ratio: Object.fromEntries(PAGES.map((page) => [page, ratio(page)])) as Record<Page, number>,
    goal: { ratio: GOAL_RATIO, met: ratio("search") >= GOAL_RATIO && ratio("title") >= GOAL_RATIO },
  };
  if (profile) report.profiles = await profileRoutes(kind, url, pathsFor);
  return report;
}

function printReport(reports: Report[]): void {
  const env = reports[0].environment;
  console.log(`\nSaturated throughput, demo library · ${env.cores} cores (${env.cpu}) · Node ${env.node} · commit ${env.commit}`);
  console.log(`${CONNECTIONS} connections, ${SECONDS} s per route, ${ROUNDS} rounds; medians`);
  console.table(
    reports.flatMap((r) =>
      ROUTES.map((route) => ({
        db: r.database,
        route,
        "req/s": round(r.median[route].requestsPerSecond),
        "p95 ms": round(r.median[route].p95),
        "CPU ms/request": round(r.median[route].cpuMsPerRequest, 2),
        "share of health": route === "health" ? 1 : round(r.ratio[route as Page], 2),
        errors: r.median[route].errors,
      })),
    ),
  );
  for (const r of reports) {
    console.log(`${r.database}: search ${round(r.ratio.search, 2)}, title ${round(r.ratio.title, 2)} of /api/health — goal ≥ ${GOAL_RATIO} ${r.goal.met ? "met" : "MISSED"}; rendered every time: search ${round(r.ratio["search rendered"], 2)}, title ${round(r.ratio["title rendered"], 2)}`);
    for (const [route, summary] of Object.entries(r.profiles ?? {})) {
      console.log(`\n${r.database} ${route} page under load: ${round(summary.busyMs / 1000)} s of CPU in ${round(summary.wallMs / 1000)} s`);
      console.table(summary.byArea.map((a) => ({ where: a.name, "CPU s": round(a.ms / 1000, 2), share: `${round(a.share * 100)}%` })));
      console.table(summary.topFunctions.map((f) => ({ function: f.name.slice(0, 110), "CPU ms": round(f.ms), share: `${round(f.share * 100)}%` })));
    }
  }
}

async function main(): Promise<void> {
  const { kinds, rebuild, workers } = benchArgs(DATABASES);
  const profile = process.argv.includes("--profile");
  mkdirSync("bench/results", { recursive: true });
  // The build prerenders what it can, and the layout reads the library's settings: from the
  // first benchmark database, not a default one that may not exist yet.
  process.env.DATABASE_URL = DATABASES[kinds[0]];
  process.env.STACKS_DEMO = "1";
  await prepareDatabase(DATABASES[kinds[0]]);
  ensureBuild(rebuild);
  const reports: Report[] = [];
  for (const kind of kinds) {
    const report = await benchDatabase(kind, profile, workers);
    writeFileSync(`bench/results/throughput-${kind}.json`, `${JSON.stringify(report, null, 2)}\n`);
    reports.push(report);
  }
  printReport(reports);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
