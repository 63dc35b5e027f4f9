import { execFileSync } from "node:child_process";
import type { NextConfig } from "next";
import { SECURITY_HEADERS, STATIC_CONTENT_SECURITY_POLICY, STRICT_TRANSPORT_SECURITY } from "./lib/http/security-headers";
import { SERVER_ACTION_BODY_LIMIT } from "./lib/upload-limits";

// The proxy sets the security headers on pages and route handlers; Next's build files, which
// it does not see, get theirs here.
const staticHeaders = [{ key: "Content-Security-Policy", value: STATIC_CONTENT_SECURITY_POLICY }, ...Object.entries(SECURITY_HEADERS).map(([key, value]) => ({ key, value }))];

/**
 * The build ID is the commit, so that copies of one commit built apart (one per instance, or a
 * rebuilt image) serve the same asset and page paths behind one load balancer: SOURCE_COMMIT or
 * GIT_COMMIT (a Docker build argument, where .git is not in the context), else the checkout's
 * HEAD when the tree is clean. A tree with changes, or no git at all, gets Next's random ID.
 * Server Action IDs are hashed with NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, not the build ID: set it
 * (the same at build and run time) for separately built copies to accept each other's actions.
 */
function commitBuildId(): string | null {
  const given = (process.env.SOURCE_COMMIT || process.env.GIT_COMMIT)?.trim();
  if (given) return given;
  try {
    const git = (args: string[]) => execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    return git(["status", "--porcelain"]) === "" ? git(["rev-parse", "HEAD"]) : null;
  } catch {
    return null;
  }
}

const nextConfig: NextConfig = {
  generateBuildId: commitBuildId,
  poweredByHeader: false,
  // A self-contained server folder with only the node_modules it uses: the Docker image copies it.
  output: "standalone",
  outputFileTracingRoot: process.cwd(),
  // Files read at run time by path, which the tracer cannot see: the mail worker thread (and the
  // nodemailer it imports), the migration folders the readiness check compares with the database, and
  // the API reference's browser bundle.
  outputFileTracingIncludes: {
    "/**": ["./lib/notifications/mail-worker.mjs", "./node_modules/nodemailer/**/*"],
    "/api/ready": ["./prisma/migrations/*/migration.sql", "./prisma/postgres/migrations/*/migration.sql"],
    "/api/docs/scalar.js": ["./node_modules/@scalar/api-reference/dist/browser/standalone.js"],
  },
  // Lets several builds (a developer and a test run) coexist in one checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native and driver packages stay outside the bundle (Prisma's are on Next's default list).
  serverExternalPackages: ["@node-rs/argon2", "better-sqlite3", "pg"],
  experimental: {
    // Just above the largest upload (lib/upload-limits.ts), which forms refuse before sending.
    serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT },
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
