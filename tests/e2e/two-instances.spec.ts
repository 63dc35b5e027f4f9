import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { DEMO, signIn } from "./people";
import { dropDatabase, postgresDatabaseUrl, prepareDemoLibrary } from "./postgres-library";
import { DEMO_PORT } from "./servers";

// "Any number of stateless app instances on PostgreSQL": the build this run made, copied into two
// folders as a deployment would ship it (Next's standalone server, its static files, public/),
// each copy served on its own port against one PostgreSQL database. What one instance does, the
// other sees: the session, an uploaded cover, a loan.

const ROOT = process.cwd();
const DATABASE = `stacks_e2e_instances_${process.pid}`;
const DATABASE_URL = postgresDatabaseUrl(DATABASE);
const PORTS = [DEMO_PORT + 2, DEMO_PORT + 3];
const ENV: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  DATABASE_URL,
  AUTH_SECRET: "e2e-two-instances-secret-not-for-any-deployment-0123456789",
  CRON_SECRET: "e2e-two-instances-cron-secret",
  AUTH_TRUST_HOST: "true",
  STACKS_SCHEDULER: "off",
  HOSTNAME: "127.0.0.1",
};

const servers: ChildProcess[] = [];
const folders: string[] = [];
const logs: string[] = [];

/** One deployment's folder: what the Docker image copies out of the build. */
function instanceFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "stacks-instance-"));
  cpSync(path.join(ROOT, ".next", "standalone"), dir, { recursive: true });
  cpSync(path.join(ROOT, ".next", "static"), path.join(dir, ".next", "static"), { recursive: true });
  cpSync(path.join(ROOT, "public"), path.join(dir, "public"), { recursive: true });
  mkdirSync(path.join(dir, "lib", "notifications"), { recursive: true });
  cpSync(path.join(ROOT, "lib", "notifications", "mail-worker.mjs"), path.join(dir, "lib", "notifications", "mail-worker.mjs"));
  return dir;
}

async function healthy(port: number): Promise<void> {
  for (let i = 0; i < 240; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The instance on port ${port} never answered /api/health:\n${logs.join("")}`);
}

test.describe("two app instances on one PostgreSQL database", () => {
  test.describe.configure({ timeout: 240_000 });

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    // Create, migrate and seed the demo library once, as the first instance's start would.
    prepareDemoLibrary(ENV);
    for (const port of PORTS) {
      const dir = instanceFolder();
      folders.push(dir);
      const server = spawn(process.execPath, ["server.js"], { cwd: dir, env: { ...ENV, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
      server.stdout?.on("data", (d) => logs.push(String(d)));
      server.stderr?.on("data", (d) => logs.push(String(d)));
      servers.push(server);
    }
    await Promise.all(PORTS.map(healthy));
  });

  test.afterAll(async () => {
    await Promise.all(
      servers.map((s) => new Promise<void>((resolve) => (s.exitCode !== null ? resolve() : (s.once("exit", () => resolve()), s.kill("SIGTERM"))))),
    );
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
    await dropDatabase(DATABASE);
  });

  test("a session, a cover and a loan made on one instance are seen on the other", async ({ browser, request }) => {
    const [first, second] = PORTS.map((port) => `http://127.0.0.1:${port}`);

    // The patron signs in on the first instance; the second knows the session.
    const patron = await (await browser.newContext({ baseURL: first })).newPage();
    await signIn(patron, DEMO.patron);
    await patron.goto(`${second}/account`);
    await expect(patron).toHaveURL(`${second}/account`);
    await expect(patron.getByRole("button", { name: "Sign out" }).first()).toBeVisible();

    // A loan made on the first is on the patron's loans on the second.
    await patron.goto(`${first}/books/302`);
    const title = (await patron.getByRole("heading", { level: 1 }).innerText()).trim();
    await patron.getByRole("button", { name: "Borrow" }).click();
    await expect(patron.getByRole("region", { name: "Availability" }).getByText(/^On loan to you/)).toBeVisible();
    await patron.goto(`${second}/account/loans`);
    await expect(patron.getByRole("link", { name: title })).toBeVisible();

    // A cover uploaded through the first is served by the second, byte for byte.
    const librarian = await (await browser.newContext({ baseURL: first })).newPage();
    await signIn(librarian, DEMO.librarian);
    await librarian.goto("/admin/inventory/302");
    const png = await sharp({ create: { width: 300, height: 450, channels: 3, background: "#2f6f4e" } }).png().toBuffer();
    await librarian.getByLabel("Cover image").setInputFiles({ name: "cover.png", mimeType: "image/png", buffer: png });
    await librarian.getByRole("button", { name: "Upload cover" }).click();
    await expect(librarian.getByRole("status").filter({ hasText: "Cover uploaded." })).toBeVisible();
    const src = await librarian.getByRole("img", { name: /^Cover of / }).first().getAttribute("src");
    expect(src).toMatch(/^\/api\/uploads\/covers\//);
    const [fromFirst, fromSecond] = await Promise.all([request.get(`${first}${src}`), request.get(`${second}${src}`)]);
    expect(fromSecond.status()).toBe(200);
    expect(fromSecond.headers()["content-type"]).toBe("image/webp");
    expect(Buffer.compare(await fromSecond.body(), await fromFirst.body())).toBe(0);
  });
});
