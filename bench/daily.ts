// Daily job benchmark (docs: ../shared/notes/bench.md): a generated library with 100,000 loans
// out, on SQLite and PostgreSQL; times runDailyJob() (due-soon reminders, overdue notices, hold
// expiry, card expiry, then email delivery to the file outbox), a second run that must write and
// send nothing, and the next day's run.
//
//   npm run bench:daily                 both databases
//   npm run bench:daily -- --db sqlite  one of them
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { prepareBenchDatabase } from "./lib/bench-database";
import { benchArgs, benchDatabaseUrls } from "./lib/args";
import { benchEnvironment } from "./lib/environment";
import { round } from "./lib/stats";

const DATABASES = benchDatabaseUrls("bench-daily.db", "stacks_bench_daily");
type DbKind = keyof typeof DATABASES;

const LOANS = 100_000;
const LOANS_PER_PATRON = 4;
const TITLES = 45_000; // about 112,000 copies
const DAY = 86_400_000;

/**
 * Loans as a library has them: most due over the next three weeks, one in ten overdue by up to a
 * month. Deterministic, so every run measures the same library.
 */
function dueDate(i: number, at: number): number {
  const r = ((i * 2654435761) >>> 0) / 4294967296;
  return i % 10 === 0 ? at - Math.ceil(r * 30) * DAY : at + Math.floor(r * 21) * DAY + 3_600_000;
}

async function child(kind: DbKind): Promise<void> {
  const { db } = await import("@/lib/db");
  const { buildBenchCatalogue } = await import("./lib/bench-catalogue");
  const { ensureLibraryBasics } = await import("@/lib/library-setup");
  const { insertRows } = await import("@/lib/catalogue/seed-catalogue");
  const { runDailyJob } = await import("@/lib/notifications/daily-job");
  const { setClock } = await import("@/lib/clock");

  const built = performance.now();
  await ensureLibraryBasics(db);
  await buildBenchCatalogue(db, TITLES);
  const adult = await db.patronCategory.findUniqueOrThrow({ where: { code: "ADULT" } });
  const at = Date.now();
  const now = new Date(at);
  const patrons = LOANS / LOANS_PER_PATRON;
  await db.$transaction(async (tx) => {
    await insertRows(
      tx,
      "User",
      ["id", "email", "name", "passwordHash", "cardNumber", "categoryId", "expiresAt", "createdAt", "updatedAt"],
      Array.from({ length: patrons }, (_, i) => [i + 1, `reader${i}@bench.stacks`, `Reader ${i}`, "!", `B${String(i).padStart(9, "0")}`, adult.id, new Date(at + 365 * DAY), now, now]),
    );
  }, { timeout: 120_000 });
  await db.$executeRawUnsafe(`UPDATE "Copy" SET "status" = 'AVAILABLE'`);
  const copies = await db.copy.findMany({ select: { id: true }, orderBy: { id: "asc" }, take: LOANS });
  await db.$transaction(async (tx) => {
    await insertRows(
      tx,
      "Loan",
      ["copyId", "patronId", "checkedOutAt", "dueAt"],
      copies.map((c, i) => {
        const due = dueDate(i, at);
        return [c.id, (i % patrons) + 1, new Date(due - 21 * DAY), new Date(due)];
      }),
    );
    await tx.$executeRawUnsafe(`UPDATE "Copy" SET "status" = 'ON_LOAN' WHERE "id" IN (SELECT "copyId" FROM "Loan" WHERE "returnedAt" IS NULL)`);
  }, { timeout: 120_000 });
  if (kind === "postgresql") await db.$executeRawUnsafe(`SELECT setval(pg_get_serial_sequence('"User"', 'id'), ${patrons + 1}, false)`);
  await db.$executeRawUnsafe(kind === "postgresql" ? "VACUUM ANALYZE" : "ANALYZE");
  const setupSeconds = (performance.now() - built) / 1000;

  const outbox = mkdtempSync(path.join(tmpdir(), "stacks-bench-mail-"));
  process.env.MAIL_OUTBOX_DIR = outbox;
  delete process.env.SMTP_HOST;
  const t0 = performance.now();
  const first = await runDailyJob();
  const t1 = performance.now();
  const second = await runDailyJob();
  const t2 = performance.now();
  // The next morning: what an ordinary day costs once the first day's backlog is sent.
  setClock(new Date(at + DAY));
  const nextDay = await runDailyJob();
  const t3 = performance.now();
  const files = readdirSync(outbox).length;
  rmSync(outbox, { recursive: true, force: true });
  const result = {
    loans: await db.loan.count({ where: { returnedAt: null } }),
    notifications: await db.notification.count(),
    setupSeconds,
    first: { seconds: (t1 - t0) / 1000, ...first },
    second: { seconds: (t2 - t1) / 1000, ...second },
    nextDay: { seconds: (t3 - t2) / 1000, ...nextDay },
    emailFiles: files,
  };
  writeFileSync(`bench/results/daily-${kind}.tmp`, JSON.stringify(result));
  await db.$disconnect();
}

async function main(): Promise<void> {
  const { child: childKind, kinds } = benchArgs(DATABASES);
  if (childKind) return child(childKind);
  mkdirSync("bench/results", { recursive: true });
  const reports = [];
  for (const kind of kinds) {
    await prepareBenchDatabase(DATABASES[kind], TITLES, { fresh: true });
    const run = spawnSync("npx", ["tsx", "bench/daily.ts", "--child", kind], { stdio: "inherit", env: { ...process.env, DATABASE_URL: DATABASES[kind] } });
    if (run.status !== 0) throw new Error(`[${kind}] daily job run failed`);
    const result = JSON.parse(readFileSync(`bench/results/daily-${kind}.tmp`, "utf8"));
    const report = { benchmark: "daily", database: kind, environment: benchEnvironment(), data: { titles: TITLES, ...result }, goal: { seconds: 10, met: result.first.seconds <= 10 } };
    writeFileSync(`bench/results/daily-${kind}.json`, `${JSON.stringify(report, null, 2)}\n`);
    rmSync(`bench/results/daily-${kind}.tmp`);
    reports.push(report);
  }
  const env = reports[0].environment;
  console.log(`\nDaily job · ${env.cores} cores (${env.cpu}) · Node ${env.node} · commit ${env.commit}`);
  console.table(
    reports.map((r) => ({
      db: r.database,
      "active loans": r.data.loans,
      "first run s": round(r.data.first.seconds, 2),
      "notices s": round(r.data.first.phaseSeconds.notices, 2),
      "email s": round(r.data.first.phaseSeconds.email, 2),
      "due-soon": r.data.first.dueSoonNotices,
      overdue: r.data.first.overdueNotices,
      "emails sent": r.data.first.email.sent,
      "second run s": round(r.data.second.seconds, 2),
      "second run new": r.data.second.dueSoonNotices + r.data.second.overdueNotices + r.data.second.email.sent,
      "next day s": round(r.data.nextDay.seconds, 2),
      "next day notices": r.data.nextDay.dueSoonNotices + r.data.nextDay.overdueNotices,
    })),
  );
  for (const r of reports) console.log(`${r.database}: first run ${round(r.data.first.seconds, 2)} s — goal ≤ 10 s ${r.goal.met ? "met" : "MISSED"}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
