import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authConfig } from "@/lib/auth.config";

const { auth } = NextAuth(authConfig);
const checkSession = auth as unknown as (request: NextRequest) => Promise<Response>;

// Spares a round trip for /account and /admin; every page, action and handler checks again.
export async function proxy(request: NextRequest): Promise<Response> {
  const response = await checkSession(request);
  // Auth.js renews the session cookie on every request it sees. A request (a router prefetch,
  // a second tab) sent just before signing out answers after it and would bring the cookie
  // back, so the proxy never sets it: sessions last their full maxAge from signing in.
  response.headers.delete("set-cookie");
  return response;
}

export const config = { matcher: ["/account/:path*", "/admin/:path*"] };
