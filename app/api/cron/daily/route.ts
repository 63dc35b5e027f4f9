import { cronAuthorised } from "@/lib/http/cron-auth";
import { requestLog } from "@/lib/log";
import { runDailyJob } from "@/lib/notifications/daily-job";

export const dynamic = "force-dynamic";
export const maxDuration = 300;

/** The daily job, for Vercel Cron or any scheduler: `Authorization: Bearer $CRON_SECRET`. */
export async function GET(request: Request) {
  if (!cronAuthorised(request)) return Response.json({ error: "Unauthorized" }, { status: 401 });
  const result = await runDailyJob(requestLog(request));
  return Response.json({ ok: true, ...result });
}
