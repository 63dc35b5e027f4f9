import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { createPageCache } from "../../scripts/page-cache.mjs";

// The cache in front of Next.js, over a real HTTP server: `render` stands in for Next's handler
// and writes a page the way Next does (headers, streamed chunks, a nonce in the CSP header and
// on every script).
type Render = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

let server: Server | null = null;
let clock = 1_000_000;
let renders = 0;

afterEach(async () => {
  await stopServer();
});

async function stopServer() {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = null;
}

function nextLikePage({ status = 200, cookie = false } = {}): Render {
  return async (req, res) => {
    renders++;
    const nonce = Buffer.from(`nonce-${renders}-padding`).toString("base64");
    res.statusCode = status;
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("Content-Security-Policy", `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    res.setHeader("Vary", "rsc, Accept-Encoding");
    res.setHeader("Link", `</_next/static/chunks/app.css>; rel=preload; as="style"; nonce="${nonce}"`);
    if (cookie) res.setHeader("Set-Cookie", "session=abc");
    res.flushHeaders();
    res.write(`<!doctype html><html><body><h1>Results for ${req.url}</h1>`);
    await new Promise((resolve) => setTimeout(resolve, 1));
    res.write(Buffer.from(`<p>Rendered ${renders} · “ok”</p><script nonce="${nonce}">self.__next_f.push([1,"${nonce}"])</script>`));
    res.end("</body></html>");
  };
}

async function serveWith(render: Render, seconds = 3, maxBytes?: number): Promise<string> {
  const cache = createPageCache({ seconds, maxBytes, now: () => clock });
  server = createServer((req, res) => void cache.serve(req, res, render));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const address = server.address() as { port: number };
  return `http://127.0.0.1:${address.port}`;
}

const nonceOf = (response: Response) => response.headers.get("content-security-policy")!.match(/'nonce-([^']+)'/)![1];

describe("the page cache in front of the catalogue", () => {
  it("answers a visitor's repeat of a catalogue page from memory, with a nonce of its own in the header and on every script", async () => {
    renders = 0;
    const base = await serveWith(nextLikePage());
    const first = await fetch(`${base}/search?q=dune`);
    const firstHtml = await first.text();
    const second = await fetch(`${base}/search?q=dune`);
    const secondHtml = await second.text();
    expect(renders).toBe(1);
    expect(firstHtml).toContain("Rendered 1 · “ok”");
    expect(nonceOf(second)).not.toBe(nonceOf(first));
    expect(second.headers.get("link")).toBe(`</_next/static/chunks/app.css>; rel=preload; as="style"; nonce="${nonceOf(second)}"`);
    expect(secondHtml).toBe(firstHtml.replaceAll(nonceOf(first), nonceOf(second)));
    expect(secondHtml).not.toContain(nonceOf(first));

    await fetch(`${base}/search?q=dune+messiah`);
    await fetch(`${base}/books/12`);
    await fetch(`${base}/`);
    expect(renders).toBe(4);
  });

  it("renders a page asked for by many at once a single time", async () => {
    renders = 0;
    const base = await serveWith(nextLikePage());
    const pages = await Promise.all(Array.from({ length: 8 }, () => fetch(`${base}/books/3`).then((r) => r.text())));
    expect(renders).toBe(1);
    expect(new Set(pages.map((html) => html.replace(/nonce="[^"]+"|"[A-Za-z0-9+/=]{20,}"\]/g, ""))).size).toBe(1);
  });

  it("keeps within its memory, forgetting the oldest page first", async () => {
    renders = 0;
    // Room for two of these pages, not three.
    const base = await serveWith(nextLikePage(), 3, 1_000);
    for (const id of [1, 2, 3]) await (await fetch(`${base}/books/${id}`)).text();
    await (await fetch(`${base}/books/3`)).text();
    await (await fetch(`${base}/books/2`)).text();
    expect(renders).toBe(3);
    await (await fetch(`${base}/books/1`)).text();
    expect(renders).toBe(4);
  });

  it("renders again once the page is older than the configured seconds", async () => {
    renders = 0;
    const base = await serveWith(nextLikePage(), 3);
    await fetch(`${base}/books/7`);
    clock += 2_999;
    await fetch(`${base}/books/7`);
    expect(renders).toBe(1);
    clock += 2;
    expect(await (await fetch(`${base}/books/7`)).text()).toContain("Rendered 2");
  });

  it("never answers from memory a request with a cookie or credentials, a router request, another page, scheme, host or a crawler", async () => {
    renders = 0;
    const base = await serveWith(nextLikePage());
    await fetch(`${base}/search?q=dune`);
    await fetch(`${base}/search?q=dune`, { headers: { cookie: "authjs.session-token=x" } });
    await fetch(`${base}/search?q=dune`, { headers: { authorization: "Bearer k" } });
    await fetch(`${base}/search?q=dune`, { headers: { rsc: "1" } });
    await fetch(`${base}/search?q=dune&_rsc=abc`);
    await fetch(`${base}/account`);
    await fetch(`${base}/account`);
    await fetch(`${base}/search?q=dune`, { method: "POST", body: "x" });
    // Remembered apart: over HTTPS (its headers differ), for another host, for a crawler.
    await fetch(`${base}/search?q=dune`, { headers: { "x-forwarded-proto": "https" } });
    await fetch(`${base}/search?q=dune`, { headers: { "x-forwarded-host": "catalogue.example.org" } });
    await fetch(`${base}/search?q=dune`, { headers: { "user-agent": "Mozilla/5.0 (compatible; Bingbot/2.0)" } });
    expect(renders).toBe(11);
  });

  it("does not remember a page that sets a cookie or failed", async () => {
    renders = 0;
    let base = await serveWith(nextLikePage({ cookie: true }));
    await fetch(`${base}/books/1`);
    expect((await fetch(`${base}/books/1`)).headers.get("set-cookie")).toBe("session=abc");
    expect(renders).toBe(2);
    await stopServer();

    base = await serveWith(nextLikePage({ status: 404 }));
    await fetch(`${base}/books/999`);
    const again = await fetch(`${base}/books/999`);
    expect(again.status).toBe(404);
    expect(await again.text()).toContain("Rendered 4");
  });

  it("compresses for a client that accepts gzip, fresh and remembered alike", async () => {
    renders = 0;
    const base = await serveWith(nextLikePage());
    const http = await import("node:http");
    const get = () =>
      new Promise<{ headers: IncomingMessage["headers"]; body: Buffer }>((resolve, reject) => {
        http.get(`${base}/search?q=gzip`, { headers: { "accept-encoding": "gzip, br" } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        }).on("error", reject);
      });
    for (const response of [await get(), await get()]) {
      expect(response.headers["content-encoding"]).toBe("gzip");
      expect(response.headers.vary).toBe("rsc, Accept-Encoding");
      expect(gunzipSync(response.body).toString()).toContain("Results for /search?q=gzip");
    }
    expect(renders).toBe(1);
  });
});
