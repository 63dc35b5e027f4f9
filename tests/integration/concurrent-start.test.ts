import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

// Two `npm start` at once on a new PostgreSQL database: both prepare it (scripts/prepare.ts:
// create the database, migrate, seed) and come up, and the library gets one set of basics.
const root = process.cwd();
const postgres = process.env.STACKS_TEST_DB === "postgres";
const base = process.env.DATABASE_URL ?? "";
const name = `${new URL(base || "postgresql://x/y").pathname.slice(1)}_race`;
const url = base.replace(/\/[^/]*$/, `/${name}`);

function adminClient(): pg.Client {
  const admin = new URL(base);
  admin.pathname = "/postgres";
  return new pg.Client({ connectionString: admin.toString() });
}

function prepare(): Promise<{ code: number | null; output: string }> {
  const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATABASE_URL: url } as unknown as NodeJS.ProcessEnv;
  const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/prepare.ts"], { cwd: root, env });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, output })));
}

async function dropRaceDatabase(): Promise<void> {
  const admin = adminClient();
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}

describe.runIf(postgres)("two starts at once on a new PostgreSQL database", () => {
  afterAll(dropRaceDatabase);

  it("both create, migrate and seed it without error, and it holds one set of basics", { timeout: 180_000 }, async () => {
    await dropRaceDatabase();
    const runs = await Promise.all([prepare(), prepare()]);
    for (const run of runs) expect(run, run.output).toMatchObject({ code: 0 });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const categories = await client.query<{ code: string }>(`SELECT "code" FROM "PatronCategory" ORDER BY "code"`);
      expect(categories.rows.map((r) => r.code)).toEqual(["ADULT", "CHILD", "STAFF"]);
      expect((await client.query(`SELECT 1 FROM "LibrarySettings"`)).rowCount).toBe(1);
    } finally {
      await client.end();
    }
  });
});
