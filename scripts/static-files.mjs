// Next's build files (/_next/static/…: the scripts, the stylesheet, fonts) served from memory,
// compressed once per process rather than on every request, with brotli where the browser takes
// it (about 15 % smaller than gzip for the scripts). Next serves them itself otherwise: through
// its router, gzipping each response anew, behind whatever page renders hold the thread, which on
// a phone's first visit delays the stylesheet that holds back the first paint. The headers are
// the ones next.config.ts gives these files (read from the build's routes manifest), so the two
// ways of serving them cannot drift apart.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const PREFIX = "/_next/static/";
const TYPES = {
  ".js": "application/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".json": "application/json",
};
/** Formats that are compressed already gain nothing from a second pass. */
const COMPRESSIBLE = new Set([".js", ".css", ".svg", ".txt", ".json"]);
const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** @param {{ distDir: string }} options */
export function createStaticFiles({ distDir }) {
  const root = path.resolve(distDir, "static");
  const rules = headerRules(distDir);
  /** @type {Map<string, Promise<StaticFile | null>>} */
  const files = new Map();

  /** The file behind a request path, read and gzipped on first use; null when there is none. */
  async function fileFor(relative) {
    let file = files.get(relative);
    if (!file) {
      file = load(relative);
      files.set(relative, file);
    }
    try {
      const found = await file;
      // Only the build's files are kept: a path asked for that is not one is not remembered.
      if (!found) files.delete(relative);
      return found;
    } catch (e) {
      files.delete(relative);
      throw e;
    }
  }

  async function load(relative) {
    const full = path.resolve(root, relative);
    const extension = path.extname(full);
    const type = TYPES[extension];
    // Only files of the build's static folder, of a known type: anything else is Next's to answer.
    if (!type || !full.startsWith(root + path.sep)) return null;
    let raw;
    try {
      raw = await readFile(full);
    } catch {
      return null;
    }
    const compressible = COMPRESSIBLE.has(extension);
    /** @type {StaticFile} */
    const file = { type, raw, gzip: compressible ? await gzipAsync(raw, { level: 9 }) : null, br: null, etag: `W/"${createHash("sha1").update(raw).digest("base64url").slice(0, 22)}"` };
    // Brotli at its best takes a while for a large script: gzip answers until it is ready.
    if (compressible) {
      brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }).then(
        (br) => (file.br = br),
        () => {},
      );
    }
    return file;
  }

  /**
   * Answers a request for a build file and resolves true, or resolves false for Next to answer
   * (not a build file, not found, a method other than GET or HEAD).
   */
  async function serve(req, res) {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const url = req.url ?? "";
    if (!url.startsWith(PREFIX)) return false;
    const pathname = url.split("?")[0];
    let relative;
    try {
      relative = decodeURIComponent(pathname.slice(PREFIX.length));
    } catch {
      return false;
    }
    // One spelling per file ("chunks/./a.js", "chunks//a.js" are Next's to refuse), so that the
    // files kept are the build's files and no more.
    if (relative.startsWith("/") || path.posix.normalize(relative) !== relative) return false;
    const file = await fileFor(relative);
    if (!file) return false;
    for (const rule of rules) if (rule.applies(req)) for (const { key, value } of rule.headers) res.setHeader(key, value);
    res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    res.setHeader("Content-Type", file.type);
    res.setHeader("ETag", file.etag);
    if (file.gzip) res.setHeader("Vary", "Accept-Encoding");
    // Compared weakly: the gzip, brotli and plain bodies are one file, however it travels.
    const held = String(req.headers["if-none-match"] ?? "").split(/\s*,\s*/).map((tag) => tag.replace(/^W\//, ""));
    if (held.includes("*") || held.includes(file.etag.slice(2))) {
      res.statusCode = 304;
      res.end();
      return true;
    }
    const accepted = acceptedEncodings(req.headers["accept-encoding"]);
    const [body, encoding] = file.br && accepted.has("br") ? [file.br, "br"] : file.gzip && accepted.has("gzip") ? [file.gzip, "gzip"] : [file.raw, null];
    if (encoding) res.setHeader("Content-Encoding", encoding);
    res.setHeader("Content-Length", body.length);
    res.statusCode = 200;
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  }

  return { serve };
}

/**
 * @typedef {{ type: string; raw: Buffer; gzip: Buffer | null; br: Buffer | null; etag: string }} StaticFile
 */

/** The encodings an Accept-Encoding header takes: those it names, less those it gives q=0. */
function acceptedEncodings(header) {
  const accepted = new Set();
  for (const part of String(header ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  return accepted;
}

/** The headers next.config.ts sets on /_next/static/…, each with the request header it may depend on. */
function headerRules(distDir) {
  const manifest = path.join(distDir, "routes-manifest.json");
  if (!existsSync(manifest)) return [];
  /** @type {{ source: string; headers: { key: string; value: string }[]; has?: { type: string; key: string; value?: string }[] }[]} */
  const entries = JSON.parse(readFileSync(manifest, "utf8")).headers ?? [];
  return entries
    .filter((entry) => entry.source === "/_next/static/:path*")
    .map((entry) => ({
      headers: entry.headers,
      // The only condition next.config.ts uses: a request header with a given value (Next reads
      // the value as a pattern; next.config.ts's "https" matches itself either way).
      applies: (req) => (entry.has ?? []).every((c) => c.type === "header" && (c.value === undefined ? req.headers[c.key] !== undefined : req.headers[c.key] === c.value)),
    }));
}
