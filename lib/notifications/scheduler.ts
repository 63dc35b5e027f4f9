import { Cron } from "croner";
import { dispatchPendingEmails } from "./dispatch-email";
import { runDailyJobWhenDue } from "./run-daily-job-when-due";

// The app server's own scheduler (docs/decisions/013-scheduled-daily-job.md), started by
// instrumentation.ts: a library on one machine gets its notices with no cron to set up.
// - Each minute, and once at start, the daily job runs when its day is due (the time and time
//   zone are read from the library settings each time, so a change applies at once, and a day
//   missed while the server was down is made up at start). One instance wins each day.
// - Every 5 minutes the email outbox is sent, so failed emails are retried on time.

type Log = { info(line: string): void; error(line: string): void };

const consoleLog: Log = { info: (line) => console.log(line), error: (line) => console.error(line) };

export function startScheduler(log: Log = consoleLog): { stop(): void } {
  const daily = async () => {
    const run = await runDailyJobWhenDue();
    if (run.ran) log.info(JSON.stringify({ msg: "daily job done", day: run.day, ...run.result }));
  };
  const dispatch = async () => {
    const result = await dispatchPendingEmails({ limit: 10_000 });
    if (result.sent + result.failed + result.retrying > 0) log.info(JSON.stringify({ msg: "email outbox sent", ...result }));
  };
  const failed = (what: string) => (e: unknown) => log.error(`The scheduled ${what} failed (it is tried again at the next tick): ${(e as Error).message}`);
  // protect: a tick that comes while the last one still runs is skipped, not stacked.
  const jobs = [
    new Cron("* * * * *", { name: "stacks-daily-job", protect: true, unref: true, catch: failed("daily job") }, daily),
    new Cron("*/5 * * * *", { name: "stacks-email-outbox", protect: true, unref: true, catch: failed("email dispatch") }, dispatch),
  ];
  void jobs[0].trigger();
  return { stop: () => jobs.forEach((job) => job.stop()) };
}
