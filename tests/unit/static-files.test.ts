import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaticFiles } from "../../scripts/static-files.mjs";

// The build files served from memory in front of Next, over a real HTTP server and a build
// folder laid out as `next build` leaves it (static/chunks, and the routes manifest whose headers
// next.config.ts wrote). What Next would answer is a 418 here, so a request passed on shows.
let server: Server;
let base = "";
let distDir = "";
const script = `self.chunk = ${JSON.stringify("x".repeat(20_000))};`;

beforeAll(async () => {
  distDir = mkdtempSync(path.join(tmpdir(), "stacks-static-"));
  mkdirSync(path.join(distDir, "static", "chunks"), { recursive: true });
  writeFileSync(path.join(distDir, "static", "chunks", "app.js"), script);
  writeFileSync(path.join(distDir, "static", "chunks", "notes.md"), "not a build file type");
  writeFileSync(path.join(distDir, "secret.json"), "{}");
  writeFileSync(
    path.join(distDir, "routes-manifest.json"),
    JSON.stringify({
      headers: [
        { source: "/_next/static/:path*", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }] },
        { source: "/_next/static/:path*", has: [{ type: "header", key: "x-forwarded-proto", value: "https" }], headers: [{ key: "Strict-Transport-Security", value: "max-age=63072000" }] },
        { source: "/api/:path*", headers: [{ key: "X-Other", value: "not for build files" }] },
      ],
    }),
  );
  const files = createStaticFiles({ distDir });
  server = createServer((req, res) => {
    void files.serve(req, res).then((served) => {
      if (served) return;
      res.statusCode = 418;
      res.end("next");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(distDir, { recursive: true, force: true });
});

type Answer = { status: number; headers: { get(name: string): string | null }; bytes: Buffer };

/** A request as a browser sends it, the body as it travelled (fetch would decompress it). */
function get(url: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    // The path as given: a URL object would resolve "./" and "../" before sending.
    const { hostname, port } = new URL(base);
    const req = request({ hostname, port, path: url, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const value = (name: string) => res.headers[name.toLowerCase()];
        resolve({ status: res.statusCode ?? 0, headers: { get: (name) => (value(name) === undefined ? null : String(value(name))) }, bytes: Buffer.concat(chunks) });
      });
    });
    req.on("error", reject);
    req.end(method === "POST" ? "x" : undefined);
  });
}

function bodyOf(answer: Answer): string {
  const encoding = answer.headers.get("content-encoding");
  if (encoding === "br") return brotliDecompressSync(answer.bytes).toString("utf8");
  if (encoding === "gzip") return gunzipSync(answer.bytes).toString("utf8");
  return answer.bytes.toString("utf8");
}

describe("the build files served from memory", () => {
  it("serves a script with a year's immutable caching and the headers next.config.ts gives build files", async () => {
    const response = await get("/_next/static/chunks/app.js", { "accept-encoding": "identity" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/javascript; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("strict-transport-security")).toBeNull();
    expect(response.headers.get("x-other")).toBeNull();
    expect(bodyOf(response)).toBe(script);
    const overHttps = await get("/_next/static/chunks/app.js", { "x-forwarded-proto": "https" });
    expect(overHttps.headers.get("strict-transport-security")).toBe("max-age=63072000");
  });

  it("compresses with gzip at once and with brotli once it is ready, smaller each time", async () => {
    const gzipped = await get("/_next/static/chunks/app.js", { "accept-encoding": "gzip" });
    expect(gzipped.headers.get("content-encoding")).toBe("gzip");
    expect(gzipped.headers.get("vary")).toBe("Accept-Encoding");
    expect(bodyOf(gzipped)).toBe(script);
    let brotli = await get("/_next/static/chunks/app.js", { "accept-encoding": "gzip, br" });
    for (let i = 0; i < 50 && brotli.headers.get("content-encoding") !== "br"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      brotli = await get("/_next/static/chunks/app.js", { "accept-encoding": "gzip, br" });
    }
    expect(brotli.headers.get("content-encoding")).toBe("br");
    const length = Number(brotli.headers.get("content-length"));
    expect(length).toBeLessThan(script.length / 10);
    expect(bodyOf(brotli)).toBe(script);
  });

  it("answers 304 to a browser that holds the file, whichever encoding it was sent in", async () => {
    const first = await get("/_next/static/chunks/app.js", { "accept-encoding": "gzip" });
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await get("/_next/static/chunks/app.js", { "if-none-match": `"other", ${etag}`, "accept-encoding": "br" });
    expect(again.status).toBe(304);
    expect(again.bytes.length).toBe(0);
    // Weak comparison: the tag without its W/ is the same tag, and * is any.
    expect((await get("/_next/static/chunks/app.js", { "if-none-match": etag.slice(2) })).status).toBe(304);
    expect((await get("/_next/static/chunks/app.js", { "if-none-match": "*" })).status).toBe(304);
    expect((await get("/_next/static/chunks/app.js", { "if-none-match": `"other"` })).status).toBe(200);
  });

  it("never sends an encoding the browser refuses with q=0", async () => {
    const refused = await get("/_next/static/chunks/app.js", { "accept-encoding": "br;q=0, gzip;q=0.5" });
    expect(refused.headers.get("content-encoding")).toBe("gzip");
    const neither = await get("/_next/static/chunks/app.js", { "accept-encoding": "br;q=0, gzip;q=0" });
    expect(neither.headers.get("content-encoding")).toBeNull();
    expect(bodyOf(neither)).toBe(script);
  });

  it("leaves to Next what is not a build file: missing files, other types, paths out of the folder, other methods and routes", async () => {
    // Other spellings of a build file's path too: each would otherwise be kept as a file of its own.
    for (const url of ["/_next/static/chunks/missing.js", "/_next/static/chunks/notes.md", "/_next/static/..%2Fsecret.json", "/_next/static/%E0%A4%A.js", "/_next/static/chunks/./app.js", "/_next/static/chunks//app.js", "/_next/static//chunks/app.js", "/_next/static/chunks/x/../app.js", "/search?q=dune"]) {
      const response = await get(url);
      expect(response.status, url).toBe(418);
    }
    const post = await get("/_next/static/chunks/app.js", {}, "POST");
    expect(post.status).toBe(418);
  });
});
