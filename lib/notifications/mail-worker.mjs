// A mail worker thread (started by mailer.ts): composes each email with nodemailer and hands it
// to the SMTP server or writes it to the file outbox. Composing MIME costs CPU, so a day's
// notices are spread over worker threads while the main thread claims and marks outbox rows.
// Plain JavaScript: it is loaded by Node itself, outside the app's bundle and TypeScript loader.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import nodemailer from "nodemailer";
import MailComposer from "nodemailer/lib/mail-composer/index.js";

/** @type {{ from: string; smtp: null | { host: string; port: number; secure: boolean; user?: string; password?: string; ignoreTLS: boolean; requireTLS: boolean; maxConnections: number } }} */
const config = workerData;

// A pool: a day's notices go over a few kept-open connections, not one connection per email.
const transport = config.smtp
  ? nodemailer.createTransport({
      pool: true,
      maxConnections: config.smtp.maxConnections,
      host: config.smtp.host,
      port: config.smtp.port,
      secure: config.smtp.secure,
      auth: config.smtp.user ? { user: config.smtp.user, pass: config.smtp.password ?? "" } : undefined,
      ignoreTLS: config.smtp.ignoreTLS,
      requireTLS: config.smtp.requireTLS,
    })
  : null;

/** Outbox folders made by this thread: one mkdir per folder, not one per message. */
const madeDirs = new Set();

/** The message as the SMTP server would get it, with Unix line ends for a developer's editor. */
function compose(mail) {
  return new Promise((resolve, reject) => {
    // The composer alone, without a transport around it: a third less CPU per message.
    new MailComposer({ from: config.from, ...mail }).compile().build((e, message) => (e ? reject(e) : resolve(message.toString().replace(/\r\n/g, "\n"))));
  });
}

async function deliver(mail, outboxDir) {
  if (transport) {
    await transport.sendMail({ from: config.from, ...mail });
    return;
  }
  const message = await compose(mail);
  // Synchronous: this thread does nothing else meanwhile, and it spares a thread-pool round trip per file.
  if (!madeDirs.has(outboxDir)) {
    mkdirSync(outboxDir, { recursive: true });
    madeDirs.add(outboxDir);
  }
  const name = mail.messageId.replace(/[^a-zA-Z0-9.-]/g, "_");
  writeFileSync(path.join(outboxDir, `${name}.eml`), message);
}

parentPort.on("message", async ({ id, mail, outboxDir }) => {
  try {
    await deliver(mail, outboxDir);
    parentPort.postMessage({ id });
  } catch (e) {
    parentPort.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
