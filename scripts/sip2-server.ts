// The SIP2 server on $SIP2_PORT (docs/sip2.md). `npm start` runs it as a child process beside
// the web server when SIP2_PORT is set; it can also run alone: `SIP2_PORT=6001 npx tsx scripts/sip2-server.ts`.
// With SIP2_TLS_CERT and SIP2_TLS_KEY it speaks SIP2 inside TLS.
import "./environment";
import { readFileSync } from "node:fs";
import { environment } from "../lib/env";
import { startSipServer } from "../lib/sip2/server";

const env = environment();
if (!env.SIP2_PORT) {
  console.error("Set SIP2_PORT to the port the SIP2 server listens on.");
  process.exit(1);
}
const port = env.SIP2_PORT;

/** A PEM given as its text, or as the path of the file holding it. */
function pem(name: string, value: string): string {
  if (value.startsWith("-----BEGIN")) return value;
  try {
    return readFileSync(value, "utf8");
  } catch (e) {
    console.error(`The SIP2 server could not read ${name} (${value}): ${(e as Error).message}`);
    process.exit(1);
  }
}

const tls = env.SIP2_TLS_CERT && env.SIP2_TLS_KEY ? { cert: pem("SIP2_TLS_CERT", env.SIP2_TLS_CERT), key: pem("SIP2_TLS_KEY", env.SIP2_TLS_KEY) } : undefined;
startSipServer({ port, idleSeconds: env.SIP2_IDLE_SECONDS ?? 300, tls })
  .then(() => console.log(`SIP2 server listening on port ${port}${tls ? " (TLS)" : ""}`))
  .catch((e) => {
    console.error(`The SIP2 server could not start: ${(e as Error).message}`);
    process.exit(1);
  });
