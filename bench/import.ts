// Catalogue import benchmark (docs: ../shared/notes/bench.md): the 10,000 goodbooks-10k rows,
// converted to the Stacks catalogue CSV and to MARC 21 (ISO 2709, one 952 holding with its
// barcode per copy), previewed then imported in-process (one transaction) into a fresh SQLite and
// a fresh PostgreSQL database. Three runs each; the goal is ≤ 10 s for preview + import.
//
//   npm run bench:import                   both databases, both formats
//   npm run bench:import -- --db sqlite    one of them (sqlite | postgresql)
//   npm run bench:import -- --format marc  one format (csv | marc)
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { Marc, Record } from "marcjs";
import { catalogueCsv } from "@/lib/catalogue/catalogue-csv";
import { demoCatalogueRows, readGoodbooks } from "@/lib/catalogue/demo-library";
import { titleToMarc } from "@/lib/catalogue/marc-mapping";
import { benchArgs, benchDatabaseUrls } from "./lib/args";
import { prepareBenchDatabase } from "./lib/bench-database";
import { benchEnvironment } from "./lib/environment";
import { median, round } from "./lib/stats";

const DATABASES = benchDatabaseUrls("bench-import.db", "stacks_bench_import");
const RUNS = 3;
const GOAL_MS = 10_000;
const FILES = { csv: "data/bench-import.csv", marc: "data/bench-import.mrc" } as const;
type Format = keyof typeof FILES;

type RunFigures = { previewMs: number; importMs: number; totalMs: number; added: number; copies: number; bad: number };

const goodbooks = () => demoCatalogueRows(readGoodbooks(), new Date("2026-01-01T00:00:00Z"));

/** goodbooks-10k's own columns → the Stacks CSV (as the demo seed reads them: series split off, ISBNs repaired). */
function convertGoodbooks(): string {
  const rows = goodbooks();
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

/** The same rows as MARC 21 records, written as the MARC export writes a title. */
function goodbooksMarc(): Buffer {
  const records = goodbooks().map((r, i) => {
    const record = Object.assign(
      new Record(),
      titleToMarc({ id: i + 1, ...r, originalTitle: r.originalTitle ?? null, publisher: r.publisher ?? null, pageCount: r.pageCount ?? null, description: null, copies: r.copies }),
    );
    return Marc.format(record, "iso2709");
  });
  return Buffer.from(records.join(""), "utf8");
}

const formatArg = (): Format[] => {
  const argv = process.argv.slice(2);
  const given = argv.includes("--format") ? argv[argv.indexOf("--format") + 1] : null;
  if (given !== null && !(given in FILES)) throw new Error("--format must be csv or marc");
  return given ? [given as Format] : ["csv", "marc"];
};

/** In a child process with DATABASE_URL set (lib/db picks its database at import). */
async function child(format: Format): Promise<void> {
  const { db } = await import("@/lib/db");
  const { previewImport } = await import("@/lib/catalogue/preview-import");
  const { importCatalogue } = await import("@/lib/catalogue/import-catalogue");
  const file = format === "csv" ? { csv: readFileSync(FILES.csv, "utf8") } : { marc: new Uint8Array(readFileSync(FILES.marc)) };
  const category = await db.patronCategory.create({ data: { code: "STAFF", name: "Staff" } });
  const actor = await db.user.create({ data: { email: "bench@bench.stacks", name: "Bench", passwordHash: "!", role: "LIBRARIAN", cardNumber: "BENCH-1", categoryId: category.id } });

  const started = performance.now();
  const preview = await previewImport(file);
  const previewed = performance.now();
  const result = await importCatalogue({ ...file, actorId: actor.id });
  const done = performance.now();
  const figures: RunFigures = { previewMs: previewed - started, importMs: done - previewed, totalMs: done - started, added: result.added, copies: result.copiesAdded, bad: preview.bad.length };
  process.stdout.write(`RESULT ${JSON.stringify(figures)}\n`);
  await db.$disconnect();
}

async function main(): Promise<void> {
  const { child: childKind, kinds } = benchArgs(DATABASES);
  const formats = formatArg();
  if (childKind) return child(formats[0]);
  mkdirSync("data", { recursive: true });
  mkdirSync("bench/results", { recursive: true });
  if (formats.includes("csv")) writeFileSync(FILES.csv, convertGoodbooks());
  if (formats.includes("marc")) writeFileSync(FILES.marc, goodbooksMarc());
  const env = benchEnvironment();
  console.log(`Catalogue import · ${env.cores} cores (${env.cpu}) · Node ${env.node} · commit ${env.commit}`);
  for (const format of formats) for (const kind of kinds) {
    const label = format === "csv" ? kind : `${kind} MARC`;
    const runs: RunFigures[] = [];
    for (let i = 0; i < RUNS; i++) {
      // A count no catalogue has: always a fresh, migrated, empty database.
      await prepareBenchDatabase(DATABASES[kind], -1);
      const run = spawnSync("npx", ["tsx", "bench/import.ts", "--child", kind, "--format", format], { encoding: "utf8", env: { ...process.env, DATABASE_URL: DATABASES[kind] } });
      const line = run.stdout.split("\n").find((l) => l.startsWith("RESULT "));
      if (run.status !== 0 || !line) throw new Error(`[${label}] run ${i + 1} failed:\n${run.stderr}`);
      runs.push(JSON.parse(line.slice(7)));
      console.log(`[${label}] run ${i + 1}: preview ${round(runs[i].previewMs)} ms + import ${round(runs[i].importMs)} ms = ${round(runs[i].totalMs)} ms (${runs[i].added} titles, ${runs[i].copies} copies, ${runs[i].bad} bad rows)`);
    }
    const total = median(runs.map((r) => r.totalMs));
    const report = {
      benchmark: format === "csv" ? "import" : "import-marc",
      database: kind,
      environment: env,
      data: { rows: runs[0].added, copies: runs[0].copies, note: `goodbooks-10k books.csv converted to ${format === "csv" ? "the Stacks CSV" : "MARC 21 (ISO 2709) with 952 holdings"}` },
      medianMs: { preview: round(median(runs.map((r) => r.previewMs))), import: round(median(runs.map((r) => r.importMs))), total: round(total) },
      runs,
      goal: { totalMs: GOAL_MS, met: total <= GOAL_MS },
    };
    writeFileSync(`bench/results/${report.benchmark}-${kind}.json`, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`${label}: median preview + import ${round(total / 1000, 2)} s — goal ≤ ${GOAL_MS / 1000} s ${report.goal.met ? "met" : "MISSED"}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
