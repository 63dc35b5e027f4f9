import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { checkIn } from "@/lib/circulation/check-in";
import { borrowTitle } from "@/lib/circulation/check-out";
import { db } from "@/lib/db";
import { placeHold } from "@/lib/holds/place-hold";
import { dispatchPendingEmails } from "@/lib/notifications/dispatch-email";
import { resetMailer } from "@/lib/notifications/mailer";
import { resetDatabase } from "../support/database";
import { makeLibrarian, makePatrons, makeTitle } from "../support/fixtures";
import { readableMail } from "../support/mail";

// A real SMTP server (without STARTTLS, as a careless relay would be): its envelope shows who
// an email really goes to, and whether a password was sent over a plain connection.
type Received = { to: string[]; raw: string };
const received: Received[] = [];
const logins: string[] = [];
let server: SMTPServer;
let port = 0;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    onAuth(auth, _session, callback) {
      logins.push(auth.username ?? "");
      callback(null, { user: auth.username });
    },
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString()));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  port = (server.server.address() as { port: number }).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

// With SMTP set, the environment needs the site's address for the links in emails (lib/env.ts).
const SETTINGS = ["APP_URL", "SMTP_HOST", "SMTP_PORT", "SMTP_IGNORE_TLS", "SMTP_USER", "SMTP_PASSWORD", "SMTP_REQUIRE_TLS"];

beforeEach(async () => {
  await resetDatabase();
  received.length = 0;
  logins.length = 0;
  process.env.APP_URL = "http://library.test";
  process.env.SMTP_HOST = "127.0.0.1";
  process.env.SMTP_PORT = String(port);
  resetMailer();
});

afterEach(() => {
  for (const name of SETTINGS) delete process.env[name];
  resetMailer();
});

/** A "ready for pickup" email waiting in the outbox for a patron called `name`. */
async function holdReadyFor(name: string) {
  const [[borrower, patron], librarian, book] = await Promise.all([makePatrons(2), makeLibrarian(), makeTitle()]);
  await db.user.update({ where: { id: patron.id }, data: { name } });
  await borrowTitle({ patronId: borrower.id, titleId: book.id });
  await placeHold({ patronId: patron.id, titleId: book.id });
  await checkIn({ barcode: book.copies[0].barcode, actorId: librarian.id });
  return patron;
}

describe("email recipients", () => {
  it("a display name full of addresses still sends to the patron alone", async () => {
    process.env.SMTP_IGNORE_TLS = "true";
    const patron = await holdReadyFor("x@evil.example, y@evil.example");
    expect(await dispatchPendingEmails()).toEqual({ sent: 1, failed: 0, retrying: 0 });
    expect(received).toHaveLength(1);
    expect(received[0].to).toEqual([patron.email]);
    const to = readableMail(received[0].raw).match(/^To: (.*)$/m)?.[1];
    expect(to).toBe(`"x@evil.example, y@evil.example" <${patron.email}>`);
  });

  it("a name with angle brackets and line breaks cannot add a recipient or a header", async () => {
    process.env.SMTP_IGNORE_TLS = "true";
    const patron = await holdReadyFor("Eve <eve@evil.example>\r\nBcc: z@evil.example");
    expect(await dispatchPendingEmails()).toMatchObject({ sent: 1 });
    expect(received[0].to).toEqual([patron.email]);
    // The name travels as one encoded word: no header line of its own.
    const headers = received[0].raw.split("\r\n\r\n")[0];
    expect(headers).not.toMatch(/^Bcc:/im);
    expect(readableMail(received[0].raw)).toContain(`<${patron.email}>`);
  });
});

describe("SMTP login over TLS only", () => {
  it("with a password, refuses to log in to a server that offers no TLS, and retries later", async () => {
    process.env.SMTP_USER = "library";
    process.env.SMTP_PASSWORD = "secret";
    await holdReadyFor("Ann Reader");
    expect(await dispatchPendingEmails()).toEqual({ sent: 0, failed: 0, retrying: 1 });
    expect(logins).toEqual([]);
    expect(received).toEqual([]);
    expect((await db.notification.findFirstOrThrow({ where: { channel: "EMAIL" } })).lastError).toMatch(/TLS/i);
  });

  it("SMTP_REQUIRE_TLS=false lets a deployment that knows its relay log in without TLS", async () => {
    process.env.SMTP_USER = "library";
    process.env.SMTP_PASSWORD = "secret";
    process.env.SMTP_REQUIRE_TLS = "false";
    await holdReadyFor("Ann Reader");
    expect(await dispatchPendingEmails()).toEqual({ sent: 1, failed: 0, retrying: 0 });
    expect(logins).toEqual(["library"]);
  });
});
