import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authConfig } from "@/lib/auth.config";

const { auth } = NextAuth(authConfig);
const checkSession = auth as unknown as (request: NextRequest) => Promise<Response>;

// Spares a round trip for /account and /admin; every page, action and handler checks again.
export async function proxy(request: NextRequest): Promise<Response> {
  const response = await checkSession(request);
  // Auth.js renews the session cookie on every request it sees. A router prefetch of /account
  // sent while the user signs out answers after the sign-out and would bring the cookie back.
  if (request.headers.has("next-router-prefetch")) response.headers.delete("set-cookie");
  return response;
}

export const config = { matcher: ["/account/:path*", "/admin/:path*"] };
