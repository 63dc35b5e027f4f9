// Runs once when a Next server starts (`npm start`'s server, `next start`, the standalone
// server.js of the Docker image), before it serves: checks the environment (lib/env.ts: a bad
// value stops the server with one line) and starts the scheduler of the daily job and the email
// outbox (lib/notifications/scheduler.ts), unless STACKS_SCHEDULER=off or on Vercel, where
// functions do not live between requests and vercel.json's crons call the routes instead.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { exitOnBadEnvironment } = await import("./lib/env");
  const env = exitOnBadEnvironment();
  if (env.STACKS_SCHEDULER === "off" || process.env.VERCEL) return;
  // Once per process: `next dev` may load this module again.
  const scope = globalThis as { stacksScheduler?: unknown };
  if (scope.stacksScheduler) return;
  const { startScheduler } = await import("./lib/notifications/scheduler");
  scope.stacksScheduler = startScheduler();
}
