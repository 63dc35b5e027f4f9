// Resolving against a stand-in origin shows where a browser on the site would go: the URL
// parser drops tabs and newlines and reads "\" as "/", as browsers do.
const SITE = "http://stacks.invalid";

/**
 * A same-site path to return to after signing in; anything else goes to `fallback`. The proxy
 * sends a full URL (`http://host/account`): only its path is kept. A path is accepted only when
 * the WHATWG URL parser, applied to it against the site's origin, keeps that origin, and what
 * comes back is the parser's own reading of it, so no value can lead off the site.
 */
export function safeCallbackPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string") return fallback;
  const path = /^https?:/i.test(value) ? pathOf(value) : value;
  if (path === null || !path.startsWith("/")) return fallback;
  const url = parse(path, SITE);
  if (url?.origin !== SITE) return fallback;
  // Dot segments ("/.//evil.example") can leave a pathname that a browser reads as another host.
  if (url.pathname.startsWith("//")) return fallback;
  return url.pathname + url.search + url.hash;
}

function parse(value: string, base?: string): URL | null {
  try {
    return new URL(value, base);
  } catch {
    return null;
  }
}

function pathOf(url: string): string | null {
  const parsed = parse(url);
  return parsed && parsed.pathname + parsed.search + parsed.hash;
}
