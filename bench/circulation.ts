// Circulation benchmark (docs: ../shared/notes/bench.md). For SQLite and PostgreSQL, against the
// 100,000-title catalogue of the search benchmark: check-out + check-in cycles in-process, then
// over HTTP as the desk's scanners send them (POST /api/circulation/check-out and check-in,
// signed in as a librarian), paced at a busy library's load and saturated.
//
//   npm run bench:circulation                 both databases
//   npm run bench:circulation -- --db sqlite  one of them
//   npm run bench:circulation -- --rebuild    rebuild the app into .next-bench first
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import autocannon, { type Result as LoadResult } from "autocannon";
import { encode } from "next-auth/jwt";
import { BENCH_DATABASES, prepareBenchDatabase } from "./lib/bench-database";
import { benchArgs } from "./lib/args";
import { benchEnvironment } from "./lib/environment";
import { ensureBuild, freePort, startServer } from "./lib/next-server";
import { percentiles, round, type Percentiles } from "./lib/stats";

const TITLES = 100_000;
const CONNECTIONS = 20;
const PACED_RATE = 50; // requests per second (25 cycles)
const AUTH_SECRET = "bench-only-secret-0123456789abcdef";

type DbKind = keyof typeof BENCH_DATABASES;
type Setup = { librarianId: number; sessionId: string; patronIds: number[]; barcodes: string[] };
/** cpuMsPerCycle: this process's CPU time (our code, Prisma and the driver) per check-out + check-in, the database's own apart. */
type InProcess = { checkOut: Percentiles; checkIn: Percentiles; cyclesPerSecond: number; cpuMsPerCycle: number };

/** In a child with DATABASE_URL set: staff, patrons and free copies for the run, then in-process cycles. */
async function child(kind: DbKind): Promise<void> {
  const { db } = await import("@/lib/db");
  const { checkOutCopy } = await import("@/lib/circulation/check-out");
  const { checkIn } = await import("@/lib/circulation/check-in");
  const { buildBenchCatalogue } = await import("./lib/bench-catalogue");
  const { ensureLibraryBasics } = await import("@/lib/library-setup");
  const { startSession } = await import("@/lib/patrons/sessions");
  if ((await db.title.count()) === 0) {
    console.log(`[${kind}] building a ${TITLES.toLocaleString("en-US")}-title catalogue …`);
    await buildBenchCatalogue(db, TITLES);
    await db.$executeRawUnsafe(kind === "postgresql" ? "VACUUM ANALYZE" : "ANALYZE");
  }
  await ensureLibraryBasics(db);
  // Loans left open by an interrupted run would block the copies and patrons.
  const open = await db.loan.findMany({ where: { returnedAt: null, patron: { email: { endsWith: "@bench.stacks" } } }, select: { copy: { select: { barcode: true } } } });
  const staffCategory = await db.patronCategory.findUniqueOrThrow({ where: { code: "STAFF" } });
  const adult = await db.patronCategory.findUniqueOrThrow({ where: { code: "ADULT" } });
  const librarian = await db.user.upsert({
    where: { email: "bench-librarian@bench.stacks" },
    update: {},
    create: { email: "bench-librarian@bench.stacks", name: "Bench librarian", passwordHash: "!", role: "LIBRARIAN", cardNumber: "BENCH-LIB", categoryId: staffCategory.id },
  });
  await db.user.upsert({
    where: { email: "bench-admin@bench.stacks" },
    update: {},
    create: { email: "bench-admin@bench.stacks", name: "Bench admin", passwordHash: "!", role: "ADMIN", cardNumber: "BENCH-ADMIN", categoryId: staffCategory.id },
  });
  const patronIds: number[] = [];
  for (let i = 0; i < CONNECTIONS * 2; i++) {
    const p = await db.user.upsert({
      where: { email: `bench-patron-${i}@bench.stacks` },
      update: {},
      create: { email: `bench-patron-${i}@bench.stacks`, name: `Bench patron ${i}`, passwordHash: "!", cardNumber: `BENCH-P${i}`, categoryId: adult.id },
    });
    patronIds.push(p.id);
  }
  for (const loan of open) await checkIn({ barcode: loan.copy.barcode, actorId: librarian.id });
  const copies = await db.copy.findMany({ where: { status: "AVAILABLE" }, orderBy: { id: "asc" }, skip: 5_000, take: CONNECTIONS * 2, select: { barcode: true } });
  const barcodes = copies.map((c) => c.barcode);

  const outTimes: number[] = [];
  const inTimes: number[] = [];
  const cycles = 600;
  const started = performance.now();
  let cpu = process.cpuUsage();
  for (let i = 0; i < cycles + 50; i++) {
    const barcode = barcodes[i % barcodes.length];
    const patronId = patronIds[i % patronIds.length];
    const t0 = performance.now();
    await checkOutCopy({ patronId, barcode, actorId: librarian.id });
    const t1 = performance.now();
    await checkIn({ barcode, actorId: librarian.id });
    const t2 = performance.now();
    if (i >= 50) {
      outTimes.push(t1 - t0);
      inTimes.push(t2 - t1);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  cpu = process.cpuUsage(cpu);
  const inProcess: InProcess = {
    checkOut: percentiles(outTimes),
    checkIn: percentiles(inTimes),
    cyclesPerSecond: (cycles + 50) / seconds,
    cpuMsPerCycle: (cpu.user + cpu.system) / 1000 / (cycles + 50),
  };
  // The session row signing in writes: the server checks every request's session against it.
  const setup: Setup = { librarianId: librarian.id, sessionId: await startSession(librarian.id), patronIds: patronIds.slice(0, CONNECTIONS), barcodes: barcodes.slice(0, CONNECTIONS) };
  writeFileSync(`bench/results/circulation-${kind}.tmp`, JSON.stringify({ inProcess, setup }));
  await db.$disconnect();
}

type HttpResult = { checkOut: Percentiles; checkIn: Percentiles; cyclesPerSecond: number; errors: number; non2xx: number };

/** Each connection is one desk: it checks its own copy out to its own patron and back in, over and over. */
async function httpCycles(url: string, cookie: string, setup: Setup, seconds: number, paced: boolean): Promise<HttpResult> {
  const outTimes: number[] = [];
  const inTimes: number[] = [];
  // One autocannon run per desk (one connection each): autocannon's per-request context cannot
  // tie a connection to its copy and patron.
  const run = (desk: number, options: { connectionRate?: number; delayMs: number }) =>
    new Promise<LoadResult>((resolve, reject) =>
      setTimeout(() => {
        const sent = new WeakMap<object, number>();
        const instance = autocannon(
          {
            url,
            duration: seconds,
            connections: 1,
            connectionRate: options.connectionRate,
            headers: { cookie, "content-type": "application/json" },
            requests: [
              {
                method: "POST",
                path: "/api/circulation/check-out",
                setupRequest: (request) => ({ ...request, body: JSON.stringify({ patronId: setup.patronIds[desk], barcode: setup.barcodes[desk] }) }),
              },
              {
                method: "POST",
                path: "/api/circulation/check-in",
                setupRequest: (request) => ({ ...request, body: JSON.stringify({ barcode: setup.barcodes[desk] }) }),
              },
            ],
          },
          (error, result) => (error ? reject(error) : resolve(result)),
        );
        instance.on("response", (client: object, _status: number, _bytes: number, responseTime: number) => {
          const n = sent.get(client) ?? 0;
          sent.set(client, n + 1);
          (n % 2 === 0 ? outTimes : inTimes).push(responseTime);
        });
      }, options.delayMs),
    );
  const results = await Promise.all(
    Array.from({ length: CONNECTIONS }, (_, i) => {
      const rate = Math.floor(PACED_RATE / CONNECTIONS) + (i < PACED_RATE % CONNECTIONS ? 1 : 0);
      return paced ? run(i, { connectionRate: rate, delayMs: (i * 1000) / CONNECTIONS }) : run(i, { delayMs: 0 });
    }),
  );
  const sum = (pick: (r: LoadResult) => number) => results.reduce((s, r) => s + pick(r), 0);
  return {
    checkOut: percentiles(outTimes),
    checkIn: percentiles(inTimes),
    cyclesPerSecond: inTimes.length / seconds,
    errors: sum((r) => r.errors),
    non2xx: sum((r) => r.non2xx),
  };
}

async function benchDatabase(kind: DbKind, workers: number | undefined) {
  const url = BENCH_DATABASES[kind];
  await prepareBenchDatabase(url, TITLES);
  const run = spawnSync("npx", ["tsx", "bench/circulation.ts", "--child", kind], { stdio: "inherit", env: { ...process.env, DATABASE_URL: url } });
  if (run.status !== 0) throw new Error(`[${kind}] in-process run failed`);
  const { inProcess, setup } = JSON.parse(readFileSync(`bench/results/circulation-${kind}.tmp`, "utf8")) as { inProcess: InProcess; setup: Setup };
  // The session cookie Auth.js would set after the librarian signs in.
  const token = await encode({ token: { sub: String(setup.librarianId), role: "LIBRARIAN", sid: setup.sessionId }, secret: AUTH_SECRET, salt: "authjs.session-token" });
  const cookie = `authjs.session-token=${token}`;
  process.env.AUTH_SECRET = AUTH_SECRET;
  const server = await startServer(url, await freePort(), { workers });
  try {
    await httpCycles(server.url, cookie, setup, 5, false);
    const paced = await httpCycles(server.url, cookie, setup, 20, true);
    const saturated = await httpCycles(server.url, cookie, setup, 10, false);
    // Refusals answer fast: a run that was mostly refused measured nothing.
    for (const [name, result] of [["paced", paced], ["saturated", saturated]] as const) {
      const requests = result.checkOut.count + result.checkIn.count;
      if (result.non2xx > requests * 0.05) throw new Error(`[${kind}] ${result.non2xx} of ${requests} ${name} requests were refused: the desk's session or data is wrong`);
    }
    return {
      benchmark: "circulation",
      database: kind,
      environment: benchEnvironment(),
      serverWorkers: workers ?? "default",
      data: { titles: TITLES, note: "the search benchmark's catalogue; 20 desks, each cycling its own copy and patron" },
      inProcess,
      httpPaced: { ...paced, connections: CONNECTIONS, requestsPerSecond: PACED_RATE, seconds: 20, pacing: "20 single-connection runs, started 50 ms apart" },
      httpSaturated: { ...saturated, connections: CONNECTIONS, seconds: 10 },
      goal: { p95PacedMs: 25, met: paced.checkOut.p95 <= 25 && paced.checkIn.p95 <= 25 },
    };
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const { child: childKind, kinds, rebuild, workers } = benchArgs(BENCH_DATABASES);
  if (childKind) return child(childKind);
  mkdirSync("bench/results", { recursive: true });
  ensureBuild(rebuild);
  const reports = [];
  for (const kind of kinds) {
    const report = await benchDatabase(kind, workers);
    writeFileSync(`bench/results/circulation-${kind}.json`, `${JSON.stringify(report, null, 2)}\n`);
    reports.push(report);
  }
  const env = reports[0].environment;
  console.log(`\nCirculation · ${env.cores} cores (${env.cpu}) · Node ${env.node} · commit ${env.commit} · ${TITLES.toLocaleString("en-US")} titles`);
  console.table(
    reports.flatMap((r) => [
      { db: r.database, measure: "in-process check-out", p50: round(r.inProcess.checkOut.p50), p95: round(r.inProcess.checkOut.p95), p99: round(r.inProcess.checkOut.p99), cycles: `${round(r.inProcess.cyclesPerSecond)}/s` },
      { db: r.database, measure: "in-process check-in", p50: round(r.inProcess.checkIn.p50), p95: round(r.inProcess.checkIn.p95), p99: round(r.inProcess.checkIn.p99), cycles: `CPU ${round(r.inProcess.cpuMsPerCycle)} ms/cycle` },
      { db: r.database, measure: `HTTP paced ${PACED_RATE} req/s check-out`, p50: round(r.httpPaced.checkOut.p50), p95: round(r.httpPaced.checkOut.p95), p99: round(r.httpPaced.checkOut.p99), cycles: `${round(r.httpPaced.cyclesPerSecond)}/s` },
      { db: r.database, measure: `HTTP paced ${PACED_RATE} req/s check-in`, p50: round(r.httpPaced.checkIn.p50), p95: round(r.httpPaced.checkIn.p95), p99: round(r.httpPaced.checkIn.p99), cycles: `non-2xx ${r.httpPaced.non2xx}` },
      { db: r.database, measure: "HTTP saturated check-out", p50: round(r.httpSaturated.checkOut.p50), p95: round(r.httpSaturated.checkOut.p95), p99: round(r.httpSaturated.checkOut.p99), cycles: `${round(r.httpSaturated.cyclesPerSecond)}/s` },
      { db: r.database, measure: "HTTP saturated check-in", p50: round(r.httpSaturated.checkIn.p50), p95: round(r.httpSaturated.checkIn.p95), p99: round(r.httpSaturated.checkIn.p99), cycles: `non-2xx ${r.httpSaturated.non2xx}` },
    ]),
  );
  for (const r of reports) console.log(`${r.database}: paced p95 check-out ${round(r.httpPaced.checkOut.p95)} ms, check-in ${round(r.httpPaced.checkIn.p95)} ms — goal ≤ 25 ms ${r.goal.met ? "met" : "MISSED"}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
