"use server";

import { serverAction } from "@/app/_lib/server-action";
import { dispatchPendingEmails } from "@/lib/notifications/dispatch-email";
import { requireStaff } from "@/lib/session";

export const sendPendingAction = serverAction({
  guard: requireStaff,
  input: () => undefined,
  run: () => dispatchPendingEmails(),
  revalidate: () => ["/admin/notifications"],
  reply: (result) => `Sent ${result.sent}; ${result.retrying} will be retried; ${result.failed} failed.`,
});
