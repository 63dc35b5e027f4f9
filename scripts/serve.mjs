// Serves the built app, as `next start` does, but with the connection's address in
// X-Forwarded-For. Next.js gives the app no socket address: `next start` fills the header from
// the socket only when the request carries none, so a client talking to it directly could name
// any address it likes and dodge the sign-in throttle. Without TRUSTED_PROXIES nothing stands in
// front of Stacks, and the header becomes the socket's address; with it, the trusted proxies
// wrote the header, and lib/patrons/client-address.ts picks the entry to believe.
import { createServer } from "node:http";
import next from "next";

const port = Number(process.env.PORT ?? 3000);
const trustProxies = Boolean(process.env.TRUSTED_PROXIES?.trim());

async function main() {
  const app = next({ dev: false, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => {
    if (!trustProxies) req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "";
    void handle(req, res);
  });
  server.listen(port, () => console.log(`Serving on port ${port}`));
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      server.close(() => process.exit(0));
      server.closeAllConnections();
    });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
