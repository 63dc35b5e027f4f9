import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./people";
import { dropDatabase, postgresDatabaseUrl, prepareDemoLibrary } from "./postgres-library";
import { DEMO_PORT } from "./servers";

// On PostgreSQL the server serves from several worker processes (scripts/serve.mjs): a session
// started through one is good on the others, a worker that dies is replaced while the rest keep
// serving, and SIGTERM drains them all and ends with exit code 0.

const ROOT = process.cwd();
const DATABASE = `stacks_e2e_workers_${process.pid}`;
const PORT = DEMO_PORT + 4;
const URL = `http://127.0.0.1:${PORT}`;
const ENV: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  DATABASE_URL: postgresDatabaseUrl(DATABASE),
  AUTH_SECRET: "e2e-workers-secret-not-for-any-deployment-0123456789",
  CRON_SECRET: "e2e-workers-cron-secret",
  AUTH_TRUST_HOST: "true",
  STACKS_SCHEDULER: "off",
  STACKS_WEB_WORKERS: "2",
  LOG_LEVEL: "info",
  PORT: String(PORT),
};

let server: ChildProcess;
let log = "";

/** The worker numbers that have said they serve, in the order they said it. */
const serving = () => [...log.matchAll(/"worker":(\d+)[^\n]*"msg":"Serving on port/g)].map((m) => Number(m[1]));

async function until(what: string, ok: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (await ok()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not happen:\n${log}`);
}

const healthy = () => fetch(`${URL}/api/health`).then((r) => r.ok, () => false);

test.describe("a server of two worker processes on PostgreSQL", () => {
  test.describe.configure({ timeout: 180_000 });

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    prepareDemoLibrary(ENV);
    server = spawn(process.execPath, ["scripts/serve.mjs"], { cwd: ROOT, env: ENV, stdio: ["ignore", "pipe", "pipe"] });
    server.stdout?.on("data", (d) => (log += String(d)));
    server.stderr?.on("data", (d) => (log += String(d)));
    await until("both workers serving", () => serving().length >= 2);
    await until("the health check answering", healthy);
  });

  test.afterAll(async () => {
    if (server.exitCode === null) {
      server.kill("SIGKILL");
      await new Promise((resolve) => server.once("exit", resolve));
    }
    await dropDatabase(DATABASE);
  });

  test("serves a patron through either worker, replaces one that dies, and stops cleanly", async ({ browser }) => {
    expect(serving().sort()).toEqual([1, 2]);
    const page = await (await browser.newContext({ baseURL: URL })).newPage();

    // Requests are shared out among the workers: every page the patron opens knows the session.
    await signIn(page, DEMO.patron);
    for (let i = 0; i < 4; i++) {
      await page.goto(`${URL}/account`);
      await expect(page).toHaveURL(`${URL}/account`);
      await expect(page.getByRole("button", { name: "Sign out" }).first()).toBeVisible();
    }

    // One worker killed outright: the primary starts another in its place.
    const workers = spawnSync("pgrep", ["-P", String(server.pid)], { encoding: "utf8" }).stdout.trim().split("\n").map(Number);
    expect(workers).toHaveLength(2);
    process.kill(workers[0], "SIGKILL");
    await until("a replacement worker serving", () => serving().length >= 3);
    expect(log).toContain("a server worker stopped: starting another");
    for (let i = 0; i < 6; i++) expect(await healthy()).toBe(true);

    // SIGTERM: every worker drains and the server exits 0.
    const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
    server.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(log.match(/"msg":"stopped"/g)).toHaveLength(2);
  });
});
