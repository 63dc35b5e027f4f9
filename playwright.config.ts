import { defineConfig, devices } from "@playwright/test";
import { DEMO_PORT, EMPTY_CONSOLE_LOG, EMPTY_PORT, SMTP_SINK_DIR, SMTP_SINK_PORT } from "./tests/e2e/servers";

// The app is started the way a user starts it (`npm start`), but on its own port and database
// files, and rebuilt into `.next` by this run. Each run starts from a fresh demo library.
// Debian's Chromium: `npx playwright install` cannot download browsers on this network.
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-features=AutofillServerCommunication",
];

// `next start` runs with NODE_ENV=production, which needs both secrets (lib/env.ts). The
// scheduler stays off: the tests count notices, and the daily job at start would write some.
const serverEnv = {
  NEXT_DIST_DIR: ".next",
  AUTH_SECRET: "e2e-only-secret-not-for-any-real-deployment-0123456789",
  CRON_SECRET: "e2e-only-cron-secret-not-for-any-real-deployment",
  STACKS_SCHEDULER: "off",
  NEXT_TELEMETRY_DISABLED: "1",
  CHECKPOINT_DISABLE: "1",
};

function freshDatabase(name: string): string {
  return `rm -f data/${name} data/${name}-wal data/${name}-shm data/${name}-journal`;
}

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  // A test that passes only on a second try is a bug to fix, not to hide.
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${DEMO_PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    ...devices["Desktop Chrome"],
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath: "/usr/bin/chromium", args: chromiumArgs },
  },
  webServer: [
    {
      // A real SMTP server for the demo library's email (read by tests/e2e/mailbox.ts).
      command: `rm -rf ${SMTP_SINK_DIR} && npx tsx tests/e2e/smtp-sink.ts`,
      port: SMTP_SINK_PORT,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      // The first server builds the app when needed (first build and seed take a minute or two).
      command: `${freshDatabase("e2e.db")} && npm start`,
      url: `http://localhost:${DEMO_PORT}/api/health`,
      env: {
        ...serverEnv,
        PORT: String(DEMO_PORT),
        DATABASE_URL: "file:./data/e2e.db",
        STACKS_DEMO: "1",
        APP_URL: `http://localhost:${DEMO_PORT}`,
        SMTP_HOST: "127.0.0.1",
        SMTP_PORT: String(SMTP_SINK_PORT),
        SMTP_IGNORE_TLS: "true",
        // As behind one reverse proxy: each new patron registers from their own network
        // (tests/e2e/people.ts), as a library's patrons do, instead of the whole run counting
        // against one address's hourly limit on new accounts.
        TRUSTED_PROXIES: "1",
      },
      reuseExistingServer: false,
      timeout: 600_000,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
    {
      // A new library with no data: its first visitor is asked to create the administrator.
      // It serves the build the first server made (npm start would rebuild into the folder that
      // server is serving from if a source file changed meanwhile), after npm start's own steps,
      // keeping the console (with the setup code) where the test reads it as an operator would.
      command: `${freshDatabase("e2e-empty.db")} && npx tsx scripts/migrate.ts && npx tsx scripts/seed.ts --if-empty && npx tsx scripts/setup-code.ts | tee ${EMPTY_CONSOLE_LOG} && npx next start -p ${EMPTY_PORT}`,
      url: `http://localhost:${EMPTY_PORT}/api/health`,
      env: { ...serverEnv, PORT: String(EMPTY_PORT), DATABASE_URL: "file:./data/e2e-empty.db", STACKS_DEMO: "" },
      reuseExistingServer: false,
      timeout: 300_000,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
  ],
});
