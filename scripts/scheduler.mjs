// The scheduler of docker-compose.yml (any container or machine that reaches the app will do):
// calls the app's daily job once when the app is ready and then every day at STACKS_DAILY_AT
// (HH:MM in the container's time zone, TZ; default 06:00), and the email dispatcher every
// STACKS_DISPATCH_MINUTES (default 5), so failed emails are retried. Both routes are idempotent,
// so a missed or doubled call does no harm. Plain JavaScript with no dependencies.
const appUrl = (process.env.STACKS_URL || "http://app:3000").replace(/\/$/, "");
const secret = process.env.CRON_SECRET;
const dailyAt = /^(\d{1,2}):(\d{2})$/.exec(process.env.STACKS_DAILY_AT || "06:00");
const dispatchMinutes = Number(process.env.STACKS_DISPATCH_MINUTES || 5);

function log(level, msg, fields = {}) {
  console.log(JSON.stringify({ level, time: new Date().toISOString(), app: "stacks-scheduler", msg, ...fields }));
}

if (!secret || !dailyAt || !(dispatchMinutes > 0)) {
  log("fatal", "CRON_SECRET must be set, STACKS_DAILY_AT be HH:MM and STACKS_DISPATCH_MINUTES a positive number");
  process.exit(1);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function call(path, what) {
  const started = Date.now();
  try {
    const response = await fetch(`${appUrl}${path}`, { headers: { authorization: `Bearer ${secret}` }, signal: AbortSignal.timeout(15 * 60_000) });
    const body = await response.text();
    let result;
    try {
      result = JSON.parse(body);
    } catch {
      result = body.slice(0, 200);
    }
    log(response.ok ? "info" : "error", `${what} ${response.ok ? "ran" : "failed"}`, { path, status: response.status, seconds: (Date.now() - started) / 1000, result });
  } catch (e) {
    log("error", `${what} could not be called`, { path, error: e.message });
  }
}

/** Milliseconds until the next STACKS_DAILY_AT. */
function untilDailyRun() {
  const next = new Date();
  next.setHours(Number(dailyAt[1]), Number(dailyAt[2]), 0, 0);
  if (next.getTime() <= Date.now()) next.setDate(next.getDate() + 1);
  return next.getTime() - Date.now();
}

async function untilReady() {
  for (;;) {
    try {
      if ((await fetch(`${appUrl}/api/ready`, { signal: AbortSignal.timeout(5000) })).ok) return;
    } catch {
      // not up yet
    }
    await sleep(5000);
  }
}

async function dailyLoop() {
  for (;;) {
    await sleep(untilDailyRun());
    await call("/api/cron/daily", "daily job");
  }
}

async function dispatchLoop() {
  for (;;) {
    await sleep(dispatchMinutes * 60_000);
    await call("/api/cron/dispatch", "email dispatch");
  }
}

// PID 1 in its container: without handlers Node would ignore docker stop's signal.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(0));

log("info", "waiting for the app", { appUrl, dailyAt: dailyAt[0], dispatchMinutes });
await untilReady();
// A day missed while the scheduler was down is caught up now; the job sends nothing twice.
await call("/api/cron/daily", "daily job");
await Promise.all([dailyLoop(), dispatchLoop()]);
