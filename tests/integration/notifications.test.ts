import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { borrowTitle } from "@/lib/circulation/check-out";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { runDailyJob } from "@/lib/notifications/daily-job";
import { dispatchPendingEmails } from "@/lib/notifications/dispatch-email";
import { markRead, unreadCount } from "@/lib/notifications/inbox";
import { resetMailer } from "@/lib/notifications/mailer";
import { setPreferences, getPreferences } from "@/lib/notifications/preferences";
import { resetDatabase } from "../support/database";
import { days, makePatrons, makeTitle } from "../support/fixtures";

const T0 = new Date("2026-06-01T08:00:00Z");

type Received = { to: string[]; raw: string };
const received: Received[] = [];
let refuse = false;
let server: SMTPServer;
let port = 0;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString()));
      stream.on("end", () => {
        if (refuse) return callback(new Error("mailbox unavailable"));
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  port = (server.server.address() as { port: number }).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(async () => {
  await resetDatabase();
  received.length = 0;
  refuse = false;
  process.env.SMTP_HOST = "127.0.0.1";
  process.env.SMTP_PORT = String(port);
  process.env.SMTP_IGNORE_TLS = "true";
  resetMailer();
  setClock(T0);
});

afterEach(() => {
  delete process.env.SMTP_HOST;
  resetMailer();
});

/** Patrons with loans due tomorrow, 1 day late and 8 days late. */
async function library() {
  const patrons = await makePatrons(3);
  for (const [i, offset] of [-20, -22, -29].entries()) {
    const book = await makeTitle({ title: `Book for ${i}` });
    setClock(new Date(T0.getTime() + days(offset)));
    await borrowTitle({ patronId: patrons[i].id, titleId: book.id });
  }
  setClock(T0);
  return patrons;
}

describe("the daily job", () => {
  it("writes each notice once, even when run twice at the same time, and emails each once", async () => {
    const patrons = await library();
    const [first, second] = await Promise.all([runDailyJob(), runDailyJob()]);
    expect(first.dueSoonNotices + second.dueSoonNotices).toBe(2); // in-app + email for the loan due tomorrow
    expect(first.overdueNotices + second.overdueNotices).toBe(4);
    const rows = await db.notification.findMany();
    expect(new Set(rows.map((r) => r.dedupeKey)).size).toBe(rows.length);
    expect(rows.filter((r) => r.channel === "EMAIL").every((r) => r.status === "SENT")).toBe(true);
    expect(received).toHaveLength(3);
    expect(received.map((m) => m.to[0]).sort()).toEqual(patrons.map((p) => p.email).sort());
    const overdue = received.find((m) => m.to[0] === patrons[2].email)!;
    expect(overdue.raw).toContain("Book for 2");
    expect(overdue.raw).toContain("/account/loans");

    const again = await runDailyJob();
    expect(again.dueSoonNotices + again.overdueNotices + again.email.sent).toBe(0);
    expect(received).toHaveLength(3);
  });

  it("sends the next overdue step once it is reached, and nothing for steps already sent", async () => {
    const [, , late] = await library();
    await runDailyJob();
    setClock(new Date(T0.getTime() + days(6)));
    await runDailyJob();
    const steps = await db.notification.findMany({ where: { userId: late.id, kind: "OVERDUE", channel: "EMAIL" }, orderBy: { id: "asc" } });
    expect(steps.map((s) => s.dedupeKey.split(":")[4])).toEqual(["7", "14"]);
  });

  it("honours a patron who wants no email for due-soon reminders", async () => {
    const [soon] = await library();
    const choices = await getPreferences(soon.id);
    await setPreferences(soon.id, { ...choices, DUE_SOON: { inApp: true, email: false } });
    await runDailyJob();
    expect(await db.notification.count({ where: { userId: soon.id, channel: "EMAIL" } })).toBe(0);
    expect(await unreadCount(soon.id)).toBe(1);
    expect(await markRead({ userId: soon.id })).toBe(1);
    expect(await unreadCount(soon.id)).toBe(0);
  });
});

describe("email delivery", () => {
  it("retries with backoff when the server refuses, and gives up after five attempts", async () => {
    await library();
    refuse = true;
    await runDailyJob();
    const mail = () => db.notification.findFirstOrThrow({ where: { channel: "EMAIL", kind: "DUE_SOON" } });
    expect(await mail()).toMatchObject({ status: "PENDING", attempts: 1 });
    expect((await dispatchPendingEmails()).sent).toBe(0); // not due for a retry yet
    for (const minutes of [2, 8, 40, 200]) {
      setClock(new Date(T0.getTime() + minutes * 60_000 * 10));
      await dispatchPendingEmails();
    }
    expect(await mail()).toMatchObject({ status: "FAILED", attempts: 5 });
    expect((await mail()).lastError).toContain("mailbox unavailable");
  });

  it("writes .eml files a developer can read when no SMTP server is configured", async () => {
    delete process.env.SMTP_HOST;
    const dir = mkdtempSync(path.join(tmpdir(), "stacks-mail-"));
    process.env.MAIL_OUTBOX_DIR = dir;
    resetMailer();
    await library();
    const result = await runDailyJob();
    delete process.env.MAIL_OUTBOX_DIR;
    expect(result.email.sent).toBe(3);
    expect(readdirSync(dir).filter((f) => f.endsWith(".eml"))).toHaveLength(3);
  });
});
