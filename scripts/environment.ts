// The first import of every script (and `npx tsx scripts/environment.ts` alone, for a container's
// start): reads `.env` as Next reads it, then checks the environment (lib/env.ts). Imported
// first, it runs before any module that reads a variable, such as lib/db.ts.
import nextEnv from "@next/env";
import { exitOnBadEnvironment } from "../lib/env";

// The files `next start` reads, or `next dev`'s under NODE_ENV=development; set variables win.
nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV === "development", { info: () => undefined, error: console.error });
exitOnBadEnvironment();
