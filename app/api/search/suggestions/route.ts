import { NextRequest } from "next/server";
import { suggestTitles } from "@/lib/search/suggest-titles";

export const dynamic = "force-dynamic";

// Public like the catalogue: the search box's suggestions as the patron types. A browser may
// keep an answer a minute, so typing back over a word asks nothing again.
export async function GET(request: NextRequest) {
  const suggestions = await suggestTitles(request.nextUrl.searchParams.get("q") ?? "");
  return Response.json(suggestions, { headers: { "cache-control": "public, max-age=60" } });
}
