import net from "node:net";
import tls from "node:tls";
import { formatMessage, MAX_MESSAGE_BYTES } from "./codec";
import { SipSession } from "./session";

export type SipServerOptions = {
  port: number;
  host?: string;
  /** A connection silent this long is closed (kiosks send 99 status every minute or so). */
  idleSeconds?: number;
  log?: (line: string) => void;
  /** A certificate and key (PEM): the server then speaks SIP2 inside TLS only. */
  tls?: { cert: string | Buffer; key: string | Buffer };
};

/**
 * The SIP2 listener: one SipSession per TCP connection, messages answered one at a time in the
 * order they came. A line longer than MAX_MESSAGE_BYTES closes the connection; an answer that
 * fails unexpectedly is a 96 and a log line, never a crash of the server. With `tls`, a
 * connection is read only once its TLS handshake is done; one that fails the handshake (a
 * device speaking plain SIP2) is dropped without an answer.
 */
export function startSipServer({ port, host = "0.0.0.0", idleSeconds = 300, log = console.error, tls: certificate }: SipServerOptions): Promise<net.Server> {
  const serve = (socket: net.Socket) => {
    const session = new SipSession(`sip:${socket.remoteAddress ?? "unknown"}`);
    let pending = Buffer.alloc(0);
    let queue = Promise.resolve();
    let closing = false;
    socket.setTimeout(idleSeconds * 1000, () => socket.end());
    socket.on("error", () => socket.destroy());
    socket.on("data", (chunk: Buffer) => {
      if (closing) return;
      pending = Buffer.concat([pending, chunk]);
      for (;;) {
        const end = pending.findIndex((byte) => byte === 0x0d || byte === 0x0a);
        if (end === -1) break;
        const line = pending.subarray(0, end).toString("utf8");
        pending = pending.subarray(end + 1);
        if (line.trim() === "") continue;
        queue = queue.then(async () => {
          if (closing) return;
          let reply;
          try {
            reply = await session.handle(line);
          } catch (e) {
            log(`SIP2 ${session.deviceName ?? "(not signed in)"}: ${(e as Error).message}`);
            reply = { text: formatMessage("96", "", []) };
          }
          if (socket.writable) socket.write(reply.text);
          if (reply.close) {
            closing = true;
            socket.end();
          }
        });
      }
      if (pending.length > MAX_MESSAGE_BYTES) {
        closing = true;
        socket.end(formatMessage("96", "", []));
      }
    });
  };
  const server = certificate ? tls.createServer({ cert: certificate.cert, key: certificate.key, handshakeTimeout: 10_000 }, serve) : net.createServer(serve);
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(server));
  });
}
