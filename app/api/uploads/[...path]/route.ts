import { readCover } from "@/lib/catalogue/cover-storage";

/** Uploaded covers (public, like the catalogue), from local disk or the S3 bucket. */
export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }): Promise<Response> {
  const { path } = await params;
  const bytes = path.length === 2 && path[0] === "covers" ? await readCover(path[1]) : null;
  if (!bytes) return new Response("Not found", { status: 404 });
  // Names are never reused (a new upload gets a new name), so the file can be cached for good.
  return new Response(Buffer.from(bytes), { headers: { "content-type": "image/webp", "cache-control": "public, max-age=31536000, immutable" } });
}
