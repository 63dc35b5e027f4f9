// Derives prisma/postgres/schema.prisma from the canonical SQLite schema prisma/schema.prisma:
// a Prisma provider is a literal and a generated client serves one provider
// (docs/decisions/002-two-migration-folders.md).
//   node scripts/prisma-schemas.mjs          write it
//   node scripts/prisma-schemas.mjs --check  exit 1 when it is out of date
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

export const SQLITE_SCHEMA = "prisma/schema.prisma";
export const POSTGRES_SCHEMA = "prisma/postgres/schema.prisma";

export function toPostgres(src) {
  const out = src
    .replace(/^(\s*)provider(\s*)=(\s*)"sqlite"/m, '$1provider$2=$3"postgresql"')
    .replace(/^(\s*)url(\s*)=(\s*)"file:[^"]*"/m, '$1url$2=$3"postgresql://placeholder@localhost/placeholder"')
    .replace(/^(\s*)output(\s*)=(\s*)"\.\.\/lib\/generated\/sqlite"/m, '$1output$2=$3"../../lib/generated/postgres"')
    .replace(/^\/\/ Canonical schema[\s\S]*?\n\n/, "// GENERATED from prisma/schema.prisma by scripts/prisma-schemas.mjs. Do not edit.\n\n");
  if (!/"postgresql"/.test(out) || !/generated\/postgres/.test(out)) throw new Error("schema transform failed");
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const want = toPostgres(readFileSync(SQLITE_SCHEMA, "utf8"));
  const have = existsSync(POSTGRES_SCHEMA) ? readFileSync(POSTGRES_SCHEMA, "utf8") : "";
  if (process.argv.includes("--check")) {
    if (want !== have) {
      console.error(`${POSTGRES_SCHEMA} is out of date: run npm run db:schemas`);
      process.exit(1);
    }
  } else if (want !== have) {
    mkdirSync("prisma/postgres", { recursive: true });
    writeFileSync(POSTGRES_SCHEMA, want);
    console.log(`wrote ${POSTGRES_SCHEMA}`);
  }
}
