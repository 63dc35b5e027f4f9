import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";

export type OutgoingMail = { to: string; subject: string; text: string; html: string; messageId: string };
export type Mailer = { kind: "smtp" | "file"; send(mail: OutgoingMail): Promise<void> };

/** Where mail goes without SMTP settings: one .eml file per message, readable by a developer. */
export function fileOutboxDir(): string {
  return process.env.MAIL_OUTBOX_DIR ?? path.join("data", "mail-outbox");
}

function from(): string {
  return process.env.MAIL_FROM ?? "Stacks Library <library@localhost>";
}

let cached: Mailer | null = null;

/** SMTP through nodemailer when SMTP_HOST is set; otherwise the file outbox. */
export function getMailer(): Mailer {
  if (cached) return cached;
  if (process.env.SMTP_HOST) {
    const transport: Transporter = nodemailer.createTransport({
      host: process.env.SMTP_HOST,
      port: Number(process.env.SMTP_PORT ?? 587),
      secure: process.env.SMTP_SECURE === "true",
      auth: process.env.SMTP_USER ? { user: process.env.SMTP_USER, pass: process.env.SMTP_PASSWORD ?? "" } : undefined,
      ignoreTLS: process.env.SMTP_IGNORE_TLS === "true",
    });
    cached = {
      kind: "smtp",
      async send(mail) {
        await transport.sendMail({ from: from(), ...mail });
      },
    };
  } else {
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
    cached = {
      kind: "file",
      async send(mail) {
        const info = await transport.sendMail({ from: from(), ...mail });
        const dir = fileOutboxDir();
        await mkdir(dir, { recursive: true });
        const name = mail.messageId.replace(/[^a-zA-Z0-9.-]/g, "_");
        await writeFile(path.join(dir, `${name}.eml`), info.message as Buffer);
      },
    };
  }
  return cached;
}

/** Tests: forget the transport so new SMTP settings take effect. */
export function resetMailer(): void {
  cached = null;
}
