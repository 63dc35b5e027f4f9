// The SIP2 server on $SIP2_PORT (docs/sip2.md). `npm start` runs it as a child process beside
// the web server when SIP2_PORT is set; it can also run alone: `SIP2_PORT=6001 npx tsx scripts/sip2-server.ts`.
import "./environment";
import { startSipServer } from "../lib/sip2/server";

const port = Number(process.env.SIP2_PORT);
if (!Number.isInteger(port) || port <= 0) {
  console.error("Set SIP2_PORT to the port the SIP2 server listens on.");
  process.exit(1);
}
const idleSeconds = Number(process.env.SIP2_IDLE_SECONDS ?? 300);
startSipServer({ port, idleSeconds })
  .then(() => console.log(`SIP2 server listening on port ${port}`))
  .catch((e) => {
    console.error(`The SIP2 server could not start: ${(e as Error).message}`);
    process.exit(1);
  });
