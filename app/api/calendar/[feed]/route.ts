import { patronCalendar } from "@/lib/calendar/patron-calendar";
import { requestOrigin } from "@/lib/http/same-origin";

// A patron's private calendar: the signed address is the credential (calendar apps cannot sign in).
export async function GET(request: Request, { params }: { params: Promise<{ feed: string }> }): Promise<Response> {
  const { feed } = await params;
  const name = feed.endsWith(".ics") ? feed.slice(0, -".ics".length) : null;
  const calendar = name ? await patronCalendar(name, requestOrigin(request)) : null;
  if (calendar === null) return new Response("This calendar address is not valid (a newer one may have replaced it).\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(calendar, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'inline; filename="stacks-loans.ics"',
      "cache-control": "private, no-cache",
      "referrer-policy": "no-referrer",
    },
  });
}
