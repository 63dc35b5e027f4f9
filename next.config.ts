import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Lets several builds (a developer and a test run) coexist in one checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native and driver packages stay outside the bundle (Prisma's are on Next's default list).
  serverExternalPackages: ["@node-rs/argon2", "better-sqlite3", "pg"],
  experimental: {
    serverActions: { bodySizeLimit: "8mb" },
  },
};

export default nextConfig;
