import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth.config";

const { auth } = NextAuth(authConfig);

// Spares a round trip for /account and /admin; every page, action and handler checks again.
export const proxy = auth;

export const config = { matcher: ["/account/:path*", "/admin/:path*"] };
