import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";

/** An address as nodemailer takes it: the name is never parsed, so it cannot add recipients. */
export type MailAddress = { name: string; address: string };
export type OutgoingMail = { to: MailAddress; subject: string; text: string; html: string; messageId: string };
export type Mailer = { kind: "smtp" | "file"; send(mail: OutgoingMail): Promise<void>; close(): void };

/** Where mail goes without SMTP settings: one .eml file per message, readable by a developer. */
export function fileOutboxDir(): string {
  return process.env.MAIL_OUTBOX_DIR ?? path.join("data", "mail-outbox");
}

function smtpSettings() {
  if (!process.env.SMTP_HOST) return null;
  const requireTLS = process.env.SMTP_REQUIRE_TLS;
  return {
    host: process.env.SMTP_HOST,
    port: Number(process.env.SMTP_PORT ?? 587),
    secure: process.env.SMTP_SECURE === "true",
    user: process.env.SMTP_USER || undefined,
    password: process.env.SMTP_PASSWORD,
    ignoreTLS: process.env.SMTP_IGNORE_TLS === "true",
    // A password never crosses a plain connection unless the deployment says so.
    requireTLS: requireTLS ? requireTLS === "true" : Boolean(process.env.SMTP_PASSWORD),
    maxConnections: Number(process.env.SMTP_MAX_CONNECTIONS ?? 5),
  };
}

type Pending = { resolve: () => void; reject: (e: Error) => void };

/**
 * Email goes out from worker threads running lib/notifications/mail-worker.mjs (nodemailer over
 * SMTP when SMTP_HOST is set, else the file outbox), one per core up to two, each message to the
 * least busy one. Loaded from the project folder at run time, so the app's bundler leaves it be.
 */
function createMailer(): Mailer {
  const smtp = smtpSettings();
  const workerData = { from: process.env.MAIL_FROM || "Stacks Library <library@localhost>", smtp };
  const script = path.join(process.cwd(), "lib", "notifications", "mail-worker.mjs");
  const size = Math.min(2, availableParallelism());
  const workers: { worker: Worker; pending: Map<number, Pending> }[] = [];
  let nextId = 0;

  const start = () => {
    const slot = { worker: new Worker(script, { workerData }), pending: new Map<number, Pending>() };
    slot.worker.unref();
    slot.worker.on("message", ({ id, error }: { id: number; error?: string }) => {
      const waiting = slot.pending.get(id);
      slot.pending.delete(id);
      if (slot.pending.size === 0) slot.worker.unref();
      if (error === undefined) waiting?.resolve();
      else waiting?.reject(new Error(error));
    });
    // A thread that dies fails what it held (those emails are retried) and is replaced on next use.
    const fail = (e: Error) => {
      workers.splice(workers.indexOf(slot), 1);
      for (const waiting of slot.pending.values()) waiting.reject(e);
      slot.pending.clear();
    };
    slot.worker.on("error", fail);
    slot.worker.on("exit", (code) => {
      if (workers.includes(slot)) fail(new Error(`the mail worker stopped (exit code ${code})`));
    });
    workers.push(slot);
    return slot;
  };

  return {
    kind: smtp ? "smtp" : "file",
    send(mail) {
      const slot =
        workers.length < size ? start() : workers.reduce((least, w) => (w.pending.size < least.pending.size ? w : least));
      const id = nextId++;
      return new Promise<void>((resolve, reject) => {
        // Referenced while it holds mail, so a script awaiting delivery does not exit before it.
        if (slot.pending.size === 0) slot.worker.ref();
        slot.pending.set(id, { resolve, reject });
        slot.worker.postMessage({ id, mail, outboxDir: path.resolve(/*turbopackIgnore: true*/ fileOutboxDir()) });
      });
    },
    close() {
      for (const slot of workers.splice(0)) void slot.worker.terminate();
    },
  };
}

let cached: Mailer | null = null;

export function getMailer(): Mailer {
  cached ??= createMailer();
  return cached;
}

/** Tests: stop the workers and forget the settings so new ones take effect. */
export function resetMailer(): void {
  cached?.close();
  cached = null;
}
