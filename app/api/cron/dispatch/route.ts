import { cronAuthorised } from "@/lib/http/cron-auth";
import { requestLog } from "@/lib/log";
import { dispatchPendingEmails } from "@/lib/notifications/dispatch-email";

export const dynamic = "force-dynamic";
export const maxDuration = 300;

/**
 * Sends the emails waiting in the outbox, retries included, for a scheduler calling it every
 * few minutes: `Authorization: Bearer $CRON_SECRET`.
 */
export async function GET(request: Request) {
  if (!cronAuthorised(request)) return Response.json({ error: "Unauthorized" }, { status: 401 });
  const started = performance.now();
  const email = await dispatchPendingEmails({ limit: 10_000 });
  requestLog(request).info({ job: "dispatch", ...email, seconds: (performance.now() - started) / 1000 }, "email dispatch finished");
  return Response.json({ ok: true, email });
}
