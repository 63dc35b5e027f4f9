// Phone speed benchmark (docs: ../shared/notes/bench.md; issue 15 part 4). Lighthouse's default
// mobile run (simulated throttling: a mid-range phone on slow 4G) of the five public pages of the
// demo library on SQLite, three runs each: medians of the performance and accessibility scores,
// LCP, TBT, CLS, bytes transferred and the page's own JavaScript.
//
//   npm run bench:lighthouse               reuses data/bench-lighthouse.db and the .next-bench build
//   npm run bench:lighthouse -- --fresh    a new demo database first (seeded as npm start seeds it)
//   npm run bench:lighthouse -- --rebuild  rebuild the app into .next-bench first
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import type { Result } from "lighthouse";
import { sqliteFilePath } from "@/lib/database-url";
import { readRows } from "./lib/bench-database";
import { type BenchEnvironment, benchEnvironment } from "./lib/environment";
import { ensureBuild, freePort, startServer } from "./lib/next-server";
import { median, round } from "./lib/stats";

const DATABASE_URL = "file:./data/bench-lighthouse.db";
const RUNS = 3;
const CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu"];
const GOALS = { performance: 95, accessibility: 100, lcpMs: 2000, tbtMs: 150, cls: 0.02 };

type Page = { name: string; path: string };

type Run = {
  performance: number;
  accessibility: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  fcpMs: number;
  transferKiB: number;
  /** Scripts the page loads, gzip as `next start` serves them. */
  jsTransferKiB: number;
  /** The same scripts decompressed: what the phone parses. */
  jsRawKiB: number;
  failedAccessibilityAudits: string[];
  lighthouseWarnings: string[];
  benchmarkIndex: number;
};

type PageReport = { page: string; url: string; runs: Run[]; median: Omit<Run, "failedAccessibilityAudits" | "lighthouseWarnings">; failedAccessibilityAudits: string[]; scripts: { url: string; transferKiB: number; rawKiB: number }[] };

type Report = {
  benchmark: "lighthouse";
  database: "sqlite";
  environment: BenchEnvironment & { lighthouse: string; chromium: string };
  data: { titles: number; copies: number; note: string };
  config: string;
  goals: typeof GOALS;
  pages: PageReport[];
  met: boolean;
};

const kib = (bytes: number) => bytes / 1024;

async function catalogueSize(): Promise<{ titles: number; copies: number } | null> {
  try {
    const [size] = await readRows<{ titles: number; copies: number }>(DATABASE_URL, `SELECT (SELECT COUNT(*) FROM "Title") AS titles, (SELECT COUNT(*) FROM "Copy") AS copies`);
    return size;
  } catch {
    return null;
  }
}

/** The demo library, made as `npm start` makes it on a new database (scripts/prepare.ts). */
async function prepareDemoDatabase(fresh: boolean): Promise<{ titles: number; copies: number }> {
  const existing = await catalogueSize();
  if (!fresh && existing && existing.titles > 0) return existing;
  const file = sqliteFilePath(DATABASE_URL);
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  console.log(`Seeding the demo library into ${file} …`);
  const result = spawnSync("npx", ["tsx", "scripts/prepare.ts"], { stdio: "inherit", env: { ...process.env, DATABASE_URL, STACKS_DEMO: "1" } });
  if (result.status !== 0) throw new Error("preparing the demo database failed");
  const size = await catalogueSize();
  if (!size) throw new Error("the demo database is missing after seeding");
  return size;
}

/** A title of the demo catalogue, as a patron reaches it: the first hit of a search. */
async function demoTitlePath(base: string): Promise<string> {
  const html = await (await fetch(`${base}/search?q=harry+potter`)).text();
  const id = /href="\/books\/(\d+)"/.exec(html)?.[1];
  if (!id) throw new Error("no title found for 'harry potter' in the demo catalogue");
  return `/books/${id}`;
}

/** Lighthouse now and then loses a trace (NO_NAVSTART, NO_FCP): such a run is measured again. */
async function runLighthouse(url: string, attempts = 3): Promise<{ run: Run; lhr: Result }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await lighthouseOnce(url);
    } catch (e) {
      if (attempt >= attempts) throw e;
      console.log(`${(e as Error).message}: trying again`);
    }
  }
}

async function lighthouseOnce(url: string): Promise<{ run: Run; lhr: Result }> {
  const chrome = await chromeLauncher.launch({ chromePath: "/usr/bin/chromium", chromeFlags: CHROME_FLAGS, logLevel: "error" });
  try {
    // No config: Lighthouse's default, a phone with simulated throttling.
    const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"] });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
    const numeric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    const scripts = networkScripts(lhr);
    const run: Run = {
      performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
      accessibility: Math.round((lhr.categories.accessibility.score ?? 0) * 100),
      lcpMs: numeric("largest-contentful-paint"),
      tbtMs: numeric("total-blocking-time"),
      cls: numeric("cumulative-layout-shift"),
      fcpMs: numeric("first-contentful-paint"),
      transferKiB: kib(numeric("total-byte-weight")),
      jsTransferKiB: scripts.reduce((sum, s) => sum + s.transferKiB, 0),
      jsRawKiB: scripts.reduce((sum, s) => sum + s.rawKiB, 0),
      failedAccessibilityAudits: lhr.categories.accessibility.auditRefs
        .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score! < 1)
        .map((ref) => `${ref.id}: ${lhr.audits[ref.id].title}`),
      lighthouseWarnings: lhr.runWarnings,
      benchmarkIndex: lhr.environment.benchmarkIndex,
    };
    return { run, lhr };
  } finally {
    chrome.kill();
  }
}

function networkScripts(lhr: Result): { url: string; transferKiB: number; rawKiB: number }[] {
  const items = (lhr.audits["network-requests"]?.details as { items?: { url: string; resourceType?: string; transferSize?: number; resourceSize?: number }[] } | undefined)?.items ?? [];
  return items
    .filter((item) => item.resourceType === "Script")
    .map((item) => ({ url: new URL(item.url).pathname, transferKiB: kib(item.transferSize ?? 0), rawKiB: kib(item.resourceSize ?? 0) }));
}

function medianOf(runs: Run[]): PageReport["median"] {
  const m = (pick: (r: Run) => number) => median(runs.map(pick));
  return {
    performance: m((r) => r.performance),
    accessibility: m((r) => r.accessibility),
    lcpMs: m((r) => r.lcpMs),
    tbtMs: m((r) => r.tbtMs),
    cls: m((r) => r.cls),
    fcpMs: m((r) => r.fcpMs),
    transferKiB: m((r) => r.transferKiB),
    jsTransferKiB: m((r) => r.jsTransferKiB),
    jsRawKiB: m((r) => r.jsRawKiB),
    benchmarkIndex: m((r) => r.benchmarkIndex),
  };
}

function meetsGoals(m: PageReport["median"]): boolean {
  return m.performance >= GOALS.performance && m.accessibility >= GOALS.accessibility && m.lcpMs <= GOALS.lcpMs && m.tbtMs <= GOALS.tbtMs && m.cls <= GOALS.cls;
}

function printTable(report: Report): void {
  const env = report.environment;
  console.log(
    `\nLighthouse ${env.lighthouse}, mobile, simulated throttling · medians of ${RUNS} runs · ${env.cores} cores (${env.cpu}) · Node ${env.node} · ${env.chromium} · sqlite, ${report.data.note} · commit ${env.commit}`,
  );
  console.table(
    report.pages.map(({ page, median: m }) => ({
      page,
      perf: m.performance,
      a11y: m.accessibility,
      "LCP ms": Math.round(m.lcpMs),
      "TBT ms": Math.round(m.tbtMs),
      CLS: round(m.cls, 3),
      "FCP ms": Math.round(m.fcpMs),
      "transfer KiB": round(m.transferKiB),
      "JS KiB gzip": round(m.jsTransferKiB),
      "JS KiB raw": round(m.jsRawKiB),
      goals: meetsGoals(m) ? "met" : "MISSED",
    })),
  );
  console.log(`Goals: performance ≥ ${GOALS.performance}, accessibility ${GOALS.accessibility}, LCP ≤ ${GOALS.lcpMs} ms, TBT ≤ ${GOALS.tbtMs} ms, CLS ≤ ${GOALS.cls}: ${report.met ? "met on every page" : "MISSED"}`);
  console.log(`JS KiB: the scripts each page loads, gzip as served (transfer) and decompressed (raw). Lighthouse's CPU benchmark index here: ${Math.round(median(report.pages.map((p) => p.median.benchmarkIndex)))}.`);
  for (const page of report.pages) {
    if (page.failedAccessibilityAudits.length > 0) console.log(`${page.page}: failing accessibility audits: ${page.failedAccessibilityAudits.join("; ")}`);
  }
  const warnings = new Set(report.pages.flatMap((p) => p.runs.flatMap((r) => r.lighthouseWarnings)));
  for (const warning of warnings) console.log(`Lighthouse warned: ${warning}`);
}

function chromiumVersion(): string {
  const result = spawnSync("/usr/bin/chromium", ["--version"], { encoding: "utf8" });
  return result.stdout.trim() || "chromium";
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  mkdirSync("bench/results", { recursive: true });
  mkdirSync("data", { recursive: true });
  const size = await prepareDemoDatabase(argv.includes("--fresh"));
  // The build prerenders the pages that can be, and their layout reads the library's settings:
  // from this database, not a default one that may not exist yet.
  process.env.DATABASE_URL = DATABASE_URL;
  ensureBuild(argv.includes("--rebuild"));
  const server = await startServer(DATABASE_URL, await freePort());
  try {
    const pages: Page[] = [
      { name: "home", path: "/" },
      { name: "search", path: "/search?q=harry+potter" },
      { name: "title", path: await demoTitlePath(server.url) },
      { name: "sign-in", path: "/sign-in" },
      { name: "register", path: "/register" },
    ];
    // Each route's first render loads its modules: not what a patron's visit costs.
    for (const page of pages) await fetch(server.url + page.path);
    const reports: PageReport[] = [];
    for (const page of pages) {
      const url = server.url + page.path;
      const runs: Run[] = [];
      let last: Result | null = null;
      for (let i = 0; i < RUNS; i++) {
        const { run, lhr } = await runLighthouse(url);
        console.log(`${page.name} run ${i + 1}: performance ${run.performance}, accessibility ${run.accessibility}, LCP ${Math.round(run.lcpMs)} ms, TBT ${Math.round(run.tbtMs)} ms, CLS ${round(run.cls, 3)}`);
        runs.push(run);
        last = lhr;
      }
      reports.push({
        page: `${page.name} ${page.path}`,
        url,
        runs,
        median: medianOf(runs),
        failedAccessibilityAudits: [...new Set(runs.flatMap((r) => r.failedAccessibilityAudits))],
        scripts: last ? networkScripts(last).map((s) => ({ ...s, transferKiB: round(s.transferKiB), rawKiB: round(s.rawKiB) })) : [],
      });
    }
    const { version } = (await import("lighthouse/package.json", { with: { type: "json" } })).default as { version: string };
    const report: Report = {
      benchmark: "lighthouse",
      database: "sqlite",
      environment: { ...benchEnvironment(), lighthouse: version, chromium: chromiumVersion() },
      data: { ...size, note: `the demo library (${size.titles.toLocaleString("en-US")} titles, ${size.copies.toLocaleString("en-US")} copies, ${round(statSync(sqliteFilePath(DATABASE_URL)).size / 1024 / 1024)} MB file)` },
      config: "Lighthouse default (mobile: Moto G Power class, simulated slow 4G, 4x CPU slowdown)",
      goals: GOALS,
      pages: reports,
      met: reports.every((r) => meetsGoals(r.median)),
    };
    writeFileSync("bench/results/lighthouse-sqlite.json", `${JSON.stringify(report, null, 2)}\n`);
    printTable(report);
  } finally {
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
