// Cross-site request forgery guard for JSON route handlers. A browser attaches the session
// cookie to a request another site makes; it also says where the request comes from (Origin,
// Sec-Fetch-Site), and a cross-site form or "simple" fetch cannot send application/json.
// Scanners and kiosk scripts send neither header and pass on their content type alone.

/** The origin the request was addressed to, as the browser saw it (behind a proxy, too). */
export function requestOrigin(request: Request): string {
  return originOf(request.headers, new URL(request.url));
}

/** The same from a page's request headers; `url` is the address the server itself was asked. */
export function originOf(headers: Headers, url?: URL): string {
  const first = (name: string) => headers.get(name)?.split(",")[0]?.trim() || null;
  const proto = first("x-forwarded-proto") ?? url?.protocol.replace(/:$/, "") ?? "http";
  const host = first("x-forwarded-host") ?? headers.get("host") ?? url?.host ?? "localhost";
  return `${proto}://${host}`;
}

/** 403 for a request another site's page sent, or null when it comes from this site (or no browser). */
export function crossSiteRefusal(request: Request): Response | null {
  const fetchSite = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  const foreign = (fetchSite !== null && fetchSite !== "same-origin" && fetchSite !== "none") || (origin !== null && origin !== requestOrigin(request));
  return foreign ? Response.json({ error: "Requests from other sites are refused." }, { status: 403 }) : null;
}

/** For JSON POST handlers: the 403 or 415 answer to send instead, or null to go on. */
export function jsonPostRefusal(request: Request): Response | null {
  const refused = crossSiteRefusal(request);
  if (refused) return refused;
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") return Response.json({ error: "Send the request as application/json." }, { status: 415 });
  return null;
}
