// The e2e run's SMTP server: the demo library sends its email here, and each message lands in
// SMTP_SINK_DIR as one .eml file for the tests to read (tests/e2e/mailbox.ts).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { SMTP_SINK_DIR, SMTP_SINK_PORT } from "./servers";

mkdirSync(SMTP_SINK_DIR, { recursive: true });
let serial = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, callback) {
    let raw = "";
    stream.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    stream.on("end", () => {
      const to = session.envelope.rcptTo.map((r) => r.address).join(",");
      writeFileSync(path.join(SMTP_SINK_DIR, `${Date.now()}-${++serial}.eml`), `X-Envelope-To: ${to}\r\n${raw}`);
      callback();
    });
  },
});
server.listen(SMTP_SINK_PORT, "127.0.0.1", () => console.log(`SMTP sink on ${SMTP_SINK_PORT}, writing to ${SMTP_SINK_DIR}`));
