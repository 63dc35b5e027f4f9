import { createHash } from "node:crypto";
import { coverSvg } from "@/lib/catalogue/cover-svg";
import { db } from "@/lib/db";
import { etagMatches } from "@/lib/http/etag";

// Public like the catalogue. A cover changes only when its title or first author is edited:
// browsers keep it a week, and the ETag makes a later check a 304.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) return new Response("Not found", { status: 404 });
  const title = await db.title.findUnique({ where: { id }, select: { title: true, authorNames: true } });
  if (!title) return new Response("Not found", { status: 404 });
  const author = title.authorNames.split(", ")[0] ?? "";
  const svg = coverSvg(id, title.title, author);
  const etag = `"${createHash("sha1").update(svg).digest("base64url")}"`;
  const headers = { etag, "cache-control": "public, max-age=604800, stale-while-revalidate=2592000" };
  if (etagMatches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(svg, { headers: { ...headers, "content-type": "image/svg+xml; charset=utf-8" } });
}
