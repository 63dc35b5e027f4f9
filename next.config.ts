import type { NextConfig } from "next";
import { SECURITY_HEADERS, STATIC_CONTENT_SECURITY_POLICY, STRICT_TRANSPORT_SECURITY } from "./lib/http/security-headers";

// The proxy sets the security headers on pages and route handlers; Next's build files, which
// it does not see, get theirs here.
const staticHeaders = [{ key: "Content-Security-Policy", value: STATIC_CONTENT_SECURITY_POLICY }, ...Object.entries(SECURITY_HEADERS).map(([key, value]) => ({ key, value }))];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Lets several builds (a developer and a test run) coexist in one checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native and driver packages stay outside the bundle (Prisma's are on Next's default list).
  serverExternalPackages: ["@node-rs/argon2", "better-sqlite3", "pg"],
  experimental: {
    serverActions: { bodySizeLimit: "8mb" },
    // forbidden() and app/forbidden.tsx: a refusal page answers 403, not 200.
    authInterrupts: true,
  },
  async headers() {
    return ["/_next/static/:path*", "/_next/image"].flatMap((source) => [
      { source, headers: staticHeaders },
      { source, has: [{ type: "header" as const, key: "x-forwarded-proto", value: "https" }], headers: [{ key: "Strict-Transport-Security", value: STRICT_TRANSPORT_SECURITY }] },
    ]);
  },
};

export default nextConfig;
