import path from "node:path";
import { defineConfig } from "prisma/config";
import { databaseKind, databaseUrl } from "./lib/database-url";
import { pgMigrateAdapter, sqliteMigrateAdapter } from "./prisma/migrate-adapter";

// DATABASE_URL picks the database for every Prisma CLI command. Prisma 6.19's CLI carries a
// WebAssembly schema engine that runs through a JS driver adapter, so nothing is downloaded
// (docs/decisions/001-prisma-6-wasm-engine.md).
const url = databaseUrl();
const postgres = databaseKind(url) === "postgresql";
const dir = postgres ? path.join("prisma", "postgres") : "prisma";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(dir, "schema.prisma"),
  migrations: { path: path.join(dir, "migrations") },
  adapter: async () => (postgres ? pgMigrateAdapter(url) : sqliteMigrateAdapter(url)),
});
