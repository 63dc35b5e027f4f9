// Catalogue import benchmark (docs: ../shared/notes/bench.md): the 10,000 goodbooks-10k rows,
// converted to the Stacks catalogue CSV, previewed then imported in-process (one transaction)
// into a fresh SQLite and a fresh PostgreSQL database. Three runs each; the goal is ≤ 10 s for
// preview + import.
//
//   npm run bench:import                 both databases
//   npm run bench:import -- --db sqlite  one of them (sqlite | postgresql)
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { catalogueCsv } from "@/lib/catalogue/catalogue-csv";
import { demoCatalogueRows, readGoodbooks } from "@/lib/catalogue/demo-library";
import { benchArgs, benchDatabaseUrls } from "./lib/args";
import { prepareBenchDatabase } from "./lib/bench-database";
import { benchEnvironment } from "./lib/environment";
import { round } from "./lib/stats";

const DATABASES = benchDatabaseUrls("bench-import.db", "stacks_bench_import");
const RUNS = 3;
const GOAL_MS = 10_000;
const CSV_FILE = "data/bench-import.csv";

type RunFigures = { previewMs: number; importMs: number; totalMs: number; added: number; copies: number; bad: number };

/** goodbooks-10k's own columns → the Stacks CSV (as the demo seed reads them: series split off, ISBNs repaired). */
function convertGoodbooks(): string {
  const rows = demoCatalogueRows(readGoodbooks(), new Date("2026-01-01T00:00:00Z"));
  return catalogueCsv(
    rows.map((r) => ({
      title: r.title,
      subtitle: r.subtitle,
      originalTitle: r.originalTitle ?? null,
      authors: r.authors,
      isbn13: r.isbn13,
      publisher: r.publisher ?? null,
      year: r.year,
      language: r.language,
      genres: r.genres,
      description: null,
      pageCount: r.pageCount ?? null,
      copies: r.copies.length,
      shelfLocation: r.copies[0]?.shelfLocation ?? "",
    })),
    true,
  );
}

/** In a child process with DATABASE_URL set (lib/db picks its database at import). */
async function child(): Promise<void> {
  const { db } = await import("@/lib/db");
  const { previewImport } = await import("@/lib/catalogue/preview-import");
  const { importCatalogue } = await import("@/lib/catalogue/import-catalogue");
  const csv = readFileSync(CSV_FILE, "utf8");
  const category = await db.patronCategory.create({ data: { code: "STAFF", name: "Staff" } });
  const actor = await db.user.create({ data: { email: "bench@bench.stacks", name: "Bench", passwordHash: "!", role: "LIBRARIAN", cardNumber: "BENCH-1", categoryId: category.id } });

  const started = performance.now();
  const preview = await previewImport({ csv });
  const previewed = performance.now();
  const result = await importCatalogue({ csv, actorId: actor.id });
  const done = performance.now();
  const figures: RunFigures = { previewMs: previewed - started, importMs: done - previewed, totalMs: done - started, added: result.added, copies: result.copiesAdded, bad: preview.bad.length };
  process.stdout.write(`RESULT ${JSON.stringify(figures)}\n`);
  await db.$disconnect();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const { child: childKind, kinds } = benchArgs(DATABASES);
  if (childKind) return child();
  mkdirSync("data", { recursive: true });
  mkdirSync("bench/results", { recursive: true });
  writeFileSync(CSV_FILE, convertGoodbooks());
  const env = benchEnvironment();
  console.log(`Catalogue import · ${env.cores} cores (${env.cpu}) · Node ${env.node} · commit ${env.commit}`);
  for (const kind of kinds) {
    const runs: RunFigures[] = [];
    for (let i = 0; i < RUNS; i++) {
      // A count no catalogue has: always a fresh, migrated, empty database.
      await prepareBenchDatabase(DATABASES[kind], -1);
      const run = spawnSync("npx", ["tsx", "bench/import.ts", "--child", kind], { encoding: "utf8", env: { ...process.env, DATABASE_URL: DATABASES[kind] } });
      const line = run.stdout.split("\n").find((l) => l.startsWith("RESULT "));
      if (run.status !== 0 || !line) throw new Error(`[${kind}] run ${i + 1} failed:\n${run.stderr}`);
      runs.push(JSON.parse(line.slice(7)));
      console.log(`[${kind}] run ${i + 1}: preview ${round(runs[i].previewMs)} ms + import ${round(runs[i].importMs)} ms = ${round(runs[i].totalMs)} ms (${runs[i].added} titles, ${runs[i].copies} copies, ${runs[i].bad} bad rows)`);
    }
    const total = median(runs.map((r) => r.totalMs));
    const report = {
      benchmark: "import",
      database: kind,
      environment: env,
      data: { rows: runs[0].added, copies: runs[0].copies, note: "goodbooks-10k books.csv converted to the Stacks CSV" },
      medianMs: { preview: round(median(runs.map((r) => r.previewMs))), import: round(median(runs.map((r) => r.importMs))), total: round(total) },
      runs,
      goal: { totalMs: GOAL_MS, met: total <= GOAL_MS },
    };
    writeFileSync(`bench/results/import-${kind}.json`, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`${kind}: median preview + import ${round(total / 1000, 2)} s — goal ≤ ${GOAL_MS / 1000} s ${report.goal.met ? "met" : "MISSED"}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
