import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { etagMatches } from "@/lib/http/etag";

// Scalar's standalone bundle, from node_modules (next.config.ts traces it into the server build),
// so the reference page loads nothing from a CDN.
const BUNDLE = path.join(process.cwd(), "node_modules/@scalar/api-reference/dist/browser/standalone.js");

let cached: { body: Buffer; etag: string } | null = null;

export async function GET(request: Request): Promise<Response> {
  if (!cached) {
    const body = await readFile(BUNDLE);
    cached = { body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"` };
  }
  const headers = { "Content-Type": "text/javascript; charset=utf-8", ETag: cached.etag, "Cache-Control": "public, max-age=3600" };
  if (etagMatches(request.headers.get("if-none-match"), cached.etag)) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(cached.body), { headers });
}
