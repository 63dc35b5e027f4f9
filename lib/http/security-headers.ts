// The HTTP hardening every response carries: pages and route handlers get theirs from the
// proxy (with a fresh CSP nonce per request), Next's static files from next.config.ts headers().
// No imports: next.config.ts loads this file too.

type Options = { nonce: string; https: boolean; dev?: boolean };

/**
 * The Content-Security-Policy: scripts only with this response's nonce (Next puts it on its own
 * scripts) and what they load; styles from the site's stylesheet or with the nonce; inline style
 * attributes (charts and image placeholders set them) are allowed, as they cannot run code.
 */
export function contentSecurityPolicy({ nonce, https, dev = false }: Options): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code for its error overlay and call stacks.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** For files that run no script (Next's static assets): nothing may load from them or frame them. */
export const STATIC_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; frame-ancestors 'none'";

/** Headers that do not change per request. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  // The desk's barcode scanner may use the camera, on this site only; the rest is off.
  "Permissions-Policy": "camera=(self), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** Two years, as the HSTS preload list asks; sent only over HTTPS, where browsers heed it. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** Served over HTTPS: the URL says so, or the proxy in front (first X-Forwarded-Proto entry). */
export function isHttps(url: URL, forwardedProto: string | null): boolean {
  const proto = forwardedProto?.split(",")[0]?.trim().toLowerCase();
  return proto ? proto === "https" : url.protocol === "https:";
}

/** A random nonce, base64 of 16 bytes, new for every response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
