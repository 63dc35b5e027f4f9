import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Three projects: pure rules (no database), and the same integration suite against a fresh
// SQLite file and a fresh PostgreSQL database (tests/support/global-setup.ts creates and migrates them).
const run = `${process.pid}_${Date.now()}`;
const sqliteUrl = `file:./data/test-${run}.db`;
const postgresUrl = `${process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres"}`.replace(/\/[^/]*$/, `/stacks_test_${run}`);

const alias = { "@": fileURLToPath(new URL("./", import.meta.url)) };

function integration(name: "sqlite" | "postgres", url: string) {
  return {
    resolve: { alias },
    test: {
      name,
      include: ["tests/integration/**/*.test.ts"],
      environment: "node",
      globalSetup: ["tests/support/global-setup.ts"],
      setupFiles: ["tests/support/setup-integration.ts"],
      // The JSON logs of jobs and routes would bury the test report; warnings and errors still show.
      // __NEXT_EXPERIMENTAL_AUTH_INTERRUPTS: what `experimental.authInterrupts` sets in a build, for requireRole's forbidden().
      env: { DATABASE_URL: url, STACKS_TEST_DB: name, LOG_LEVEL: "warn", __NEXT_EXPERIMENTAL_AUTH_INTERRUPTS: "true" },
      // The files share one database and reset it between tests.
      fileParallelism: false,
      // Auth.js imports "next/server" as Next's bundler resolves it; Vite resolves it the same way.
      server: { deps: { inline: ["next-auth"] } },
      testTimeout: 60_000,
      hookTimeout: 120_000,
    },
  };
}

export default defineConfig({
  test: {
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
      integration("sqlite", sqliteUrl),
      integration("postgres", postgresUrl),
    ],
  },
});
