// Serves the built app, as `next start` does, but with the connection's address in
// X-Forwarded-For. Next.js gives the app no socket address: `next start` fills the header from
// the socket only when the request carries none, so a client talking to it directly could name
// any address it likes and dodge the sign-in throttle. Without TRUSTED_PROXIES nothing stands in
// front of Stacks, and the header becomes the socket's address; with it, the trusted proxies
// wrote the header, and lib/patrons/client-address.ts picks the entry to believe.
// Each request gets an id (X-Request-Id, in every log line about it), and SIGTERM lets the
// requests in flight finish before the process exits, so `docker stop` loses none.
// Next's build files are answered from memory, compressed once (static-files.mjs), before Next.
// On PostgreSQL it can serve from several worker processes (STACKS_WEB_WORKERS): a page render is
// JavaScript on one thread, so a machine with cores to spare serves more with one per core.
import cluster from "node:cluster";
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import pino from "pino";
import { createPageCache } from "./page-cache.mjs";
import { createStaticFiles } from "./static-files.mjs";

const port = Number(process.env.PORT ?? 3000);
const trustProxies = Boolean(process.env.TRUSTED_PROXIES?.trim());
const distDir = process.env.NEXT_DIST_DIR || ".next";
// Docker sends SIGKILL 10 s after SIGTERM: the requests in flight get most of that.
const drainMs = Number(process.env.STACKS_DRAIN_SECONDS || 8) * 1000;
const worker = cluster.isWorker ? Number(process.env.STACKS_WORKER) : undefined;
const log = pino({ level: process.env.LOG_LEVEL || "info", base: { app: "stacks", worker }, timestamp: pino.stdTimeFunctions.isoTime });
const REQUEST_ID = /^[\w.:-]{1,128}$/;
// Checked by lib/env.ts at start; empty means unset, as there.
const pageCache = createPageCache({ seconds: Number(process.env.STACKS_PAGE_CACHE_SECONDS?.trim() || 3) });
const staticFiles = createStaticFiles({ distDir });

// The configuration the build recorded, as Next's standalone server.js uses it: the Docker
// image holds no next.config.ts (nor TypeScript to read one).
const serverFiles = path.join(distDir, "required-server-files.json");
if (existsSync(serverFiles) && !process.env.__NEXT_PRIVATE_STANDALONE_CONFIG) {
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(JSON.parse(readFileSync(serverFiles, "utf8")).config);
}

/** A proxy's request id is kept when the proxies are trusted; otherwise each request gets a new one. */
function requestId(header) {
  return trustProxies && typeof header === "string" && REQUEST_ID.test(header) ? header : randomUUID();
}

async function main() {
  const app = next({ dev: false, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  let stopping = false;
  const server = createServer((req, res) => {
    if (!trustProxies) req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "";
    const id = requestId(req.headers["x-request-id"]);
    req.headers["x-request-id"] = id;
    res.setHeader("X-Request-Id", id);
    if (stopping) res.setHeader("Connection", "close");
    const started = performance.now();
    res.on("finish", () => {
      // The path only: a query string can hold what a patron searched for, and a calendar
      // feed's path is its patron's credential.
      const path = (req.url ?? "").split("?")[0].replace(/^\/api\/calendar\/[^/]+$/, "/api/calendar/[feed]");
      const line = { requestId: id, method: req.method, path, status: res.statusCode, ms: Math.round(performance.now() - started) };
      if (line.path.startsWith("/_next/")) log.debug(line, "request");
      else log.info(line, "request");
      if (stopping) server.closeIdleConnections();
    });
    staticFiles
      .serve(req, res)
      .then((served) => served || pageCache.serve(req, res, handle))
      .catch((e) => {
        log.error({ err: e, requestId: id }, "the request failed");
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
  });
  server.listen(port, () => log.info({ port, node: process.version }, `Serving on port ${port}`));

  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "stopping: no new connections, finishing the requests in flight");
    server.close(() => {
      log.info("stopped");
      process.exit(0);
    });
    server.closeIdleConnections();
    setTimeout(() => {
      log.warn({ drainMs }, "requests still running when the drain time ran out: stopping anyway");
      process.exit(1);
    }, drainMs).unref();
  };
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stop(signal));
}

/**
 * How many server processes: STACKS_WEB_WORKERS, else one. `npm start` and the image check it with
 * the rest of the environment (lib/env.ts); started alone, this checks it too rather than fork
 * workers that would each die of it.
 */
function workerCount() {
  const given = process.env.STACKS_WEB_WORKERS?.trim();
  if (!given) return 1;
  const onPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL?.trim() ?? "");
  const n = /^\d+$/.test(given) ? Number(given) : 0;
  if (n >= 1 && n <= 64 && (n === 1 || onPostgres)) return n;
  console.error("Stacks cannot start: STACKS_WEB_WORKERS must be the number of server processes (a whole number from 1 to 64), and above 1 needs PostgreSQL.");
  process.exit(1);
}

/**
 * The primary of several workers: it forks them (one runs the scheduler: the daily job and the
 * email retries want one timer, not one per worker), starts another when one dies, and on SIGTERM
 * passes the signal on and exits once every worker has drained (0, or 1 if one could not).
 */
function supervise(count) {
  cluster.setupPrimary({ exec: fileURLToPath(import.meta.url) });
  const scheduler = process.env.STACKS_SCHEDULER !== "off";
  const slots = new Map();
  const deaths = [];
  let stopping = false;
  let failed = false;
  const fork = (slot) => {
    const forked = cluster.fork({ STACKS_WORKER: String(slot + 1), ...(slot === 0 && scheduler ? {} : { STACKS_SCHEDULER: "off" }) });
    slots.set(forked.id, slot);
  };
  const stop = (signal, code = 0) => {
    if (stopping) return;
    stopping = true;
    failed = code !== 0;
    log.info({ signal, workers: slots.size }, "stopping: each worker finishes the requests in flight");
    if (slots.size === 0) process.exit(failed ? 1 : 0);
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
    setTimeout(() => process.exit(1), drainMs + 2_000);
  };
  cluster.on("exit", (w, code, signal) => {
    const slot = slots.get(w.id);
    slots.delete(w.id);
    if (stopping) {
      // A worker still starting has no handler yet: SIGTERM ends it, and nothing was in flight.
      if (code !== 0 && signal !== "SIGTERM") failed = true;
      if (slots.size === 0) process.exit(failed ? 1 : 0);
      return;
    }
    const at = Date.now();
    deaths.push(at);
    while (at - deaths[0] > 60_000) deaths.shift();
    // A worker that dies at once (a bad build, a database refusing connections) would die again.
    if (deaths.length > count * 3) {
      log.fatal({ worker: slot + 1, code, signal }, "the server workers keep stopping: giving up");
      return stop("worker failures", 1);
    }
    log.error({ worker: slot + 1, code, signal }, "a server worker stopped: starting another");
    fork(slot);
  });
  for (let slot = 0; slot < count; slot++) fork(slot);
  log.info({ port, workers: count, node: process.version }, `Serving on port ${port} from ${count} worker processes`);
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stop(signal));
}

const count = cluster.isPrimary ? workerCount() : 1;
if (count > 1) {
  supervise(count);
} else {
  main().catch((e) => {
    log.fatal({ err: e }, "the server could not start");
    process.exit(1);
  });
}
