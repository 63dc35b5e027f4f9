import type { NextAuthConfig } from "next-auth";
import { NextResponse } from "next/server";
import type { Role } from "./generated/sqlite/enums";

export const STAFF_ROLES: readonly Role[] = ["LIBRARIAN", "ADMIN"];

export function isStaff(role: string | undefined): boolean {
  return STAFF_ROLES.includes(role as Role);
}

/**
 * Whether the account as the database knows it now may use the powers of `roles`: a blocked
 * staff account has none (a blocked patron keeps a patron's pages, to read why), and an
 * account with a temporary password has none until it chooses its own.
 */
export function mayActAs(user: { role: Role; status: string; mustChangePassword: boolean }, roles: readonly Role[]): boolean {
  if (user.mustChangePassword || !roles.includes(user.role)) return false;
  return user.status === "ACTIVE" || roles.includes("PATRON");
}

// The part of the Auth.js configuration the proxy needs: no database, no password hashing.
// The proxy only spares a round trip: every page, action and handler checks again.
export const authConfig = {
  pages: { signIn: "/sign-in" },
  // The cookie's limit; sessions end sooner when idle or revoked (lib/patrons/sessions.ts).
  session: { strategy: "jwt", maxAge: 60 * 60 * 24 * 30 },
  trustHost: true,
  providers: [],
  callbacks: {
    authorized({ auth, request }) {
      const path = request.nextUrl.pathname;
      if (path.startsWith("/admin")) {
        if (!auth?.user) return false;
        // Shown at the address asked for: /forbidden answers 403 with the refusal page.
        if (!isStaff(auth.user.role)) return NextResponse.rewrite(new URL("/forbidden", request.nextUrl));
        return true;
      }
      if (path.startsWith("/account")) return Boolean(auth?.user);
      return true;
    },
    jwt({ token, user }) {
      if (user) {
        token.sub = String(user.id);
        token.role = user.role;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.user.role = token.role as Role;
      session.sessionId = token.sid;
      return session;
    },
  },
} satisfies NextAuthConfig;
