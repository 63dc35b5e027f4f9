"use server";

import { serverAction } from "@/app/_lib/server-action";
import { dailyJobSummary, runDailyJob } from "@/lib/notifications/daily-job";
import { dispatchPendingEmails } from "@/lib/notifications/dispatch-email";
import { requireStaff } from "@/lib/session";

export const sendPendingAction = serverAction({
  guard: requireStaff,
  input: () => undefined,
  run: () => dispatchPendingEmails(),
  revalidate: () => ["/admin/notifications"],
  reply: (result) => `Sent ${result.sent}; ${result.retrying} will be retried; ${result.failed} failed.`,
});

/** The scheduler's daily job, run now by a librarian (it sends nothing twice, so a rerun is safe). */
export const runDailyJobAction = serverAction({
  guard: requireStaff,
  input: () => undefined,
  run: () => runDailyJob(),
  revalidate: () => ["/admin/notifications", "/admin/holds", "/admin"],
  reply: (result) => dailyJobSummary(result),
});
