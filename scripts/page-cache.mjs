// A few seconds' memory of the public catalogue pages as a visitor who is not signed in sees them
// (docs/decisions/021-visitors-page-cache.md). Rendering a page costs Next.js and React 15–20 ms
// of CPU, serving a remembered one well under a millisecond. Only requests without cookies or
// credentials are answered from it, so nobody signed in ever sees anything but a fresh page
// (their own loans and holds are always current), and a visitor sees availability at most
// `seconds` old. Each answer gets a fresh CSP nonce: the remembered page holds the nonce it was
// rendered with, which is replaced wherever it occurs, in the headers and the HTML alike.
import { randomBytes } from "node:crypto";
import { gzipSync } from "node:zlib";
// Next renders differently for crawlers (metadata in the head before anything streams).
import { getBotType } from "next/dist/shared/lib/router/utils/is-bot.js";

/** The pages a visitor reads: the home page, search results and a title's page. */
const CACHEABLE_PATH = /^\/(search|books\/\d+)?$/;
/** Requests of Next's client router, server actions and previews: each answers something else. */
const ROUTER_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "next-action", "next-url", "x-middleware-prefetch"];
/** Set per request (by serve.mjs or Node), never remembered. */
const PER_RESPONSE = new Set(["x-request-id", "date", "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding"]);
const NONCE = /'nonce-([A-Za-z0-9+/=_-]+)'/;

/**
 * @param {{ seconds: number; maxBytes?: number; now?: () => number }} options
 */
export function createPageCache({ seconds, maxBytes = 64 * 1024 * 1024, now = Date.now }) {
  /** @type {Map<string, { headers: Record<string, string | string[]>; html: string; nonce: string; expires: number; bytes: number }>} */
  const pages = new Map();
  let bytes = 0;
  const ttl = seconds * 1000;

  /** Renders under way, by key: a page asked for again meanwhile waits for it, not a render of its own. */
  const rendering = new Map();

  const forget = (key) => {
    const page = pages.get(key);
    if (!page) return;
    pages.delete(key);
    bytes -= page.bytes;
  };

  /** Whether this request may be answered from memory, and under which key. */
  function keyFor(req) {
    if (ttl <= 0 || req.method !== "GET") return null;
    const h = req.headers;
    if (h.cookie || h.authorization || ROUTER_HEADERS.some((name) => h[name] !== undefined)) return null;
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const path = q === -1 ? url : url.slice(0, q);
    if (!CACHEABLE_PATH.test(path) || url.includes("_rsc=")) return null;
    // What else the page depends on: the scheme (HSTS, the policy) and host a proxy says it was
    // asked for, and whether a crawler asks.
    const proto = h["x-forwarded-proto"] ?? "";
    const host = h["x-forwarded-host"] ?? h.host ?? "";
    return `${proto} ${host} ${getBotType(String(h["user-agent"] ?? "")) ?? "browser"} ${url}`;
  }

  /**
   * Answers from memory when it can. Otherwise lets `render` write the page, holding it back to
   * remember it (and compress it) once it is whole. `render(req, res)` is Next's handler.
   */
  async function serve(req, res, render) {
    const key = keyFor(req);
    if (key === null) return render(req, res);
    const page = pages.get(key);
    if (page && page.expires > now()) return send(req, res, page, true);
    const pending = rendering.get(key);
    if (pending) {
      const rendered = await pending;
      if (rendered) return send(req, res, rendered, true);
      return render(req, res);
    }
    let settle = () => {};
    rendering.set(key, new Promise((resolve) => (settle = resolve)));
    try {
      return await renderAndRemember(key, req, res, render, (rendered) => settle(rendered));
    } finally {
      // A render that failed, or ended without a page to keep, lets the waiting requests render.
      settle(null);
      rendering.delete(key);
    }
  }

  async function renderAndRemember(key, req, res, render, rendered) {
    // Next compresses when asked to; the cache compresses instead, after the nonce is replaced.
    const acceptEncoding = req.headers["accept-encoding"];
    delete req.headers["accept-encoding"];
    const chunks = [];
    const write = res.write;
    const end = res.end;
    const writeHead = res.writeHead;
    const flushHeaders = res.flushHeaders;
    let restored = false;
    const restore = () => {
      if (restored) return;
      restored = true;
      res.write = write;
      res.end = end;
      res.writeHead = writeHead;
      res.flushHeaders = flushHeaders;
      req.headers["accept-encoding"] = acceptEncoding;
    };
    const collect = (chunk, encoding) => {
      if (chunk !== undefined && chunk !== null && typeof chunk !== "function") chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8"));
    };
    // Headers are set now and sent with the whole page; the callbacks Node would call after
    // writing are called at once, since nothing is waiting on the socket.
    res.writeHead = function (status, reason, headers) {
      res.statusCode = status;
      const given = typeof reason === "object" && reason !== null ? reason : headers;
      if (Array.isArray(given)) for (let i = 0; i < given.length; i += 2) res.appendHeader(given[i], given[i + 1]);
      else if (given) for (const [name, value] of Object.entries(given)) res.setHeader(name, value);
      return res;
    };
    res.flushHeaders = function () {};
    res.write = function (chunk, encoding, callback) {
      collect(chunk, encoding);
      const done = typeof encoding === "function" ? encoding : callback;
      if (done) process.nextTick(done);
      return true;
    };
    res.end = function (chunk, encoding, callback) {
      collect(chunk, encoding);
      restore();
      const done = typeof chunk === "function" ? chunk : typeof encoding === "function" ? encoding : callback;
      const body = Buffer.concat(chunks);
      const fresh = remember(key, res, body);
      rendered(fresh);
      if (fresh) return send(req, res, fresh, false, done);
      res.setHeader("Content-Length", body.length);
      return end.call(res, body, done);
    };
    try {
      await render(req, res);
    } catch (e) {
      restore();
      throw e;
    }
  }

  /** Keeps a whole page worth keeping: a 200 HTML page that sets no cookie and carries its nonce. */
  function remember(key, res, body) {
    const type = String(res.getHeader("content-type") ?? "");
    const policy = String(res.getHeader("content-security-policy") ?? "");
    const nonce = policy.match(NONCE)?.[1];
    if (res.statusCode !== 200 || !type.startsWith("text/html") || res.hasHeader("set-cookie") || res.hasHeader("content-encoding") || !nonce) return null;
    const headers = {};
    for (const [name, value] of Object.entries(res.getHeaders())) if (!PER_RESPONSE.has(name) && value !== undefined) headers[name] = Array.isArray(value) ? value : String(value);
    const html = body.toString("utf8");
    const page = { headers, html, nonce, expires: now() + ttl, bytes: (html.length + key.length) * 2 };
    forget(key);
    // Oldest first, which is also soonest to expire: the expired go, then as many more as room needs.
    for (const [oldest, kept] of pages) {
      if (kept.expires > now() && bytes + page.bytes <= maxBytes) break;
      forget(oldest);
    }
    if (page.bytes <= maxBytes) {
      pages.set(key, page);
      bytes += page.bytes;
    }
    return page;
  }

  /** Writes a remembered page, with a new nonce when it is not the response it was rendered for. */
  function send(req, res, page, remembered, done) {
    const nonce = remembered ? randomBytes(16).toString("base64") : page.nonce;
    // The policy, and Next's preload Link header, name the nonce.
    const renonce = (value) => value.replaceAll(page.nonce, nonce);
    for (const [name, value] of Object.entries(page.headers)) res.setHeader(name, Array.isArray(value) ? value.map(renonce) : renonce(value));
    const html = remembered ? page.html.replaceAll(page.nonce, nonce) : page.html;
    const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    const body = gzip ? gzipSync(html) : Buffer.from(html, "utf8");
    if (gzip) res.setHeader("Content-Encoding", "gzip");
    const vary = String(page.headers.vary ?? "");
    if (!/accept-encoding/i.test(vary)) res.setHeader("Vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
    res.setHeader("Content-Length", body.length);
    res.statusCode = 200;
    res.end(body, done);
  }

  return { serve };
}
