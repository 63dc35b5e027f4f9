import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authConfig } from "@/lib/auth.config";
import { contentSecurityPolicy, isHttps, newNonce, SECURITY_HEADERS, STRICT_TRANSPORT_SECURITY } from "@/lib/http/security-headers";

const { auth } = NextAuth(authConfig);
const checkSession = auth as unknown as (request: NextRequest) => Promise<Response>;

const GUARDED = /^\/(account|admin)(\/|$)/;

/**
 * Runs for every page and route handler: a fresh CSP nonce for each response (Next reads it
 * from the request's Content-Security-Policy header and puts it on its scripts) and the other
 * security headers. For /account and /admin it also spares a round trip to sign in; every page,
 * action and handler checks again.
 */
export async function proxy(request: NextRequest): Promise<Response> {
  const nonce = newNonce();
  const https = isHttps(request.nextUrl, request.headers.get("x-forwarded-proto"));
  const policy = contentSecurityPolicy({ nonce, https, dev: process.env.NODE_ENV === "development" });

  let response: Response | null = null;
  if (GUARDED.test(request.nextUrl.pathname)) {
    const checked = await checkSession(request);
    // Auth.js answers "go on" with Next's pass-through marker; anything else is its redirect.
    if (!checked.headers.has("x-middleware-next")) response = checked;
  }
  if (response === null) {
    const headers = new Headers(request.headers);
    headers.set("content-security-policy", policy);
    headers.set("x-nonce", nonce);
    response = NextResponse.next({ request: { headers } });
  }
  // Auth.js renews the session cookie on every request it sees. A request (a router prefetch,
  // a second tab) sent just before signing out answers after it and would bring the cookie
  // back, so the proxy never sets it: sessions last their full maxAge from signing in.
  response.headers.delete("set-cookie");
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

// Everything but Next's build files, which next.config.ts headers() cover.
export const config = { matcher: ["/((?!_next/static|_next/image).*)"] };
