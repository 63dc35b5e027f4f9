import { readCover } from "@/lib/catalogue/cover-storage";
import { etagMatches } from "@/lib/http/etag";

/** Uploaded covers (public, like the catalogue), from the database or the S3 bucket. */
export async function GET(request: Request, { params }: { params: Promise<{ path: string[] }> }): Promise<Response> {
  const { path } = await params;
  const cover = path.length === 2 && path[0] === "covers" ? await readCover(path[1]) : null;
  if (!cover) return new Response("Not found", { status: 404 });
  // A name is derived from the image's hash and never reused, so the file can be cached for good.
  const headers = { etag: cover.etag, "cache-control": "public, max-age=31536000, immutable" };
  if (etagMatches(request.headers.get("if-none-match"), cover.etag)) return new Response(null, { status: 304, headers });
  return new Response(cover.bytes, { headers: { ...headers, "content-type": cover.contentType } });
}
