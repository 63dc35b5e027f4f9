import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// `npm start` (scripts/start.ts) refuses a bad environment before it touches anything, with one
// line naming the variable. Run from an empty folder, so no .env of this checkout is read and
// nothing is written here if the start went on.
const root = process.cwd();
const scratch = mkdtempSync(path.join(tmpdir(), "stacks-start-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function start(env: Record<string, string>, cwd = scratch): Promise<{ code: number | null; stdout: string; stderr: string }> {
  // Only what a shell would have: none of the test run's own variables (DATABASE_URL, NODE_ENV=test).
  const childEnv = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? scratch, ...env } as unknown as NodeJS.ProcessEnv;
  const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "scripts/start.ts")], {
    cwd,
    env: childEnv,
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  // A start that went on would migrate and build: that is the failure, so stop it.
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  return new Promise((resolve) =>
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
}

const lines = (text: string) => text.split("\n").filter((line) => line.trim() !== "");

describe("npm start with a bad environment", () => {
  it("NODE_ENV=production without AUTH_SECRET: exit 1 and one line naming it", async () => {
    const run = await start({ NODE_ENV: "production", CRON_SECRET: "a-cron-secret-for-this-test" });
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual([expect.stringMatching(/^Stacks cannot start: AUTH_SECRET is not set.*openssl rand -base64 32/)]);
    expect(run.stdout).toBe("");
  });

  it("DATABASE_URL=postgress://…: exit 1 and one line naming it, without the password", async () => {
    const run = await start({ DATABASE_URL: "postgress://stacks:hunter2@127.0.0.1:5432/stacks" });
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual([expect.stringMatching(/^Stacks cannot start: DATABASE_URL must be file:.* or postgresql:.*"postgress:"/)]);
    expect(run.stderr).not.toContain("hunter2");
    expect(run.stdout).toBe("");
  });

  it("reads .env as Next does: a bad value there is refused the same way", async () => {
    const folder = mkdtempSync(path.join(scratch, "dotenv-"));
    writeFileSync(path.join(folder, ".env"), "SMTP_HOST=smtp.example.org\n");
    const run = await start({}, folder);
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual([expect.stringMatching(/^Stacks cannot start: APP_URL is not set.*SMTP_HOST/)]);
  });
});
