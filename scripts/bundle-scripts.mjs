// Bundles the scripts the Docker image runs into plain JavaScript (node <dir>/<name>.mjs), so the
// image needs neither tsx nor the dev dependencies. The database drivers and other native or
// runtime-loaded packages stay outside, resolved from the image's node_modules.
// Usage: node scripts/bundle-scripts.mjs <out dir>
import { build } from "esbuild";

const outdir = process.argv[2] ?? "dist/scripts";
await build({
  entryPoints: ["container-start", "migrate", "seed", "setup-code", "admin-create", "cron-daily", "sip2-server"].map((name) => `scripts/${name}.ts`),
  outdir,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: ["better-sqlite3", "pg", "@node-rs/argon2", "pino", "nodemailer", "sharp"],
  // Bundled CommonJS packages call require() and read __dirname (@next/env, compiled by ncc);
  // ES modules have neither of their own.
  banner: {
    js: [
      'import { createRequire as __createRequire } from "node:module";',
      'import { dirname as __pathDirname } from "node:path";',
      'import { fileURLToPath as __fileURLToPath } from "node:url";',
      "const require = __createRequire(import.meta.url);",
      "const __filename = __fileURLToPath(import.meta.url);",
      "const __dirname = __pathDirname(__filename);",
    ].join(" "),
  },
  logLevel: "warning",
});
console.log(`Bundled the image's scripts into ${outdir}.`);
