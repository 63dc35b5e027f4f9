import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { checkIn } from "@/lib/circulation/check-in";
import { borrowTitle } from "@/lib/circulation/check-out";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { placeHold } from "@/lib/holds/place-hold";
import { runDailyJob } from "@/lib/notifications/daily-job";
import { dispatchPendingEmails } from "@/lib/notifications/dispatch-email";
import { inbox, markRead, unreadCount } from "@/lib/notifications/inbox";
import { resetMailer } from "@/lib/notifications/mailer";
import { enqueueNotifications } from "@/lib/notifications/enqueue";
import { emailOutbox } from "@/lib/notifications/outbox";
import { getPreferences, setPreferences } from "@/lib/notifications/preferences";
import { resetDatabase } from "../support/database";
import { days, makeLibrarian, makePatrons, makeTitle } from "../support/fixtures";
import { readableMail } from "../support/mail";

const T0 = new Date("2026-06-01T08:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

// A real SMTP server on a free port: what it received is what a patron's mail server would get.
type Received = { to: string[]; raw: string };
const received: Received[] = [];
let refuse = false;
/** Runs while the server holds a refused message, before it answers (a slow server). */
let whileRefusing: (() => Promise<void>) | null = null;
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
        if (refuse) {
          const answer = () => callback(Object.assign(new Error("mailbox unavailable"), { responseCode: 550 }));
          return void (whileRefusing ? whileRefusing().then(answer, answer) : answer());
        }
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
  whileRefusing = null;
  process.env.SMTP_HOST = "127.0.0.1";
  process.env.SMTP_PORT = String(port);
  process.env.SMTP_IGNORE_TLS = "true";
  process.env.APP_URL = "https://library.example.org";
  resetMailer();
  setClock(T0);
});

afterEach(() => {
  for (const name of ["SMTP_HOST", "SMTP_PORT", "SMTP_IGNORE_TLS", "APP_URL"]) delete process.env[name];
  resetMailer();
});

/** A patron whose reserved book has just been checked in: a "ready for pickup" notice waits in the outbox. */
async function holdReady(title = "The Left Hand of Darkness") {
  const [[borrower, patron], librarian, book] = await Promise.all([makePatrons(2), makeLibrarian(), makeTitle({ title })]);
  await borrowTitle({ patronId: borrower.id, titleId: book.id });
  await placeHold({ patronId: patron.id, titleId: book.id });
  await checkIn({ barcode: book.copies[0].barcode, actorId: librarian.id });
  return patron;
}

describe("email delivery over SMTP", () => {
  it("delivers the hold-ready email with the book, the pickup date and the link to act on, once", async () => {
    const patron = await holdReady();
    expect(await dispatchPendingEmails()).toEqual({ sent: 1, failed: 0, retrying: 0 });
    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail.to).toEqual([patron.email]);
    const raw = readableMail(mail.raw);
    expect(raw).toMatch(/^Subject: "The Left Hand of Darkness" is ready for pickup · Stacks Library$/m);
    expect(raw).toContain('"The Left Hand of Darkness", which you reserved, is waiting for you on the hold shelf.');
    expect(raw).toContain("Please collect it by 8 Jun 2026.");
    expect(raw).toContain("https://library.example.org/account/holds");
    expect(raw).toContain('<a href="https://library.example.org/account/holds"');

    expect(await dispatchPendingEmails()).toEqual({ sent: 0, failed: 0, retrying: 0 });
    expect(received).toHaveLength(1);
    expect(await db.notification.findFirstOrThrow({ where: { userId: patron.id, channel: "EMAIL" } })).toMatchObject({ status: "SENT", attempts: 1 });
  });

  it("two dispatchers at once send each email once", async () => {
    for (let i = 0; i < 4; i++) await holdReady(`Book ${i}`);
    const [a, b] = await Promise.all([dispatchPendingEmails(), dispatchPendingEmails()]);
    expect(a.sent + b.sent).toBe(4);
    expect(received).toHaveLength(4);
  });

  it("a backlog several batches long is sent once, every email counted, up to the run's limit", async () => {
    const patrons = await makePatrons(4);
    const drafts = Array.from({ length: 1_300 }, (_, i) => ({
      userId: patrons[i % 4].id,
      kind: "ACCOUNT" as const,
      key: `backlog:${i}`,
      subject: `Notice ${i}`,
      text: `Notice ${i}`,
      html: `<p>Notice ${i}</p>`,
      link: "/account",
    }));
    await db.$transaction((tx) => enqueueNotifications(tx, drafts, T0));

    expect(await dispatchPendingEmails({ limit: 1_200 })).toEqual({ sent: 1_200, failed: 0, retrying: 0 });
    expect(await dispatchPendingEmails({ limit: 1_200 })).toEqual({ sent: 100, failed: 0, retrying: 0 });
    expect(received).toHaveLength(1_300);
    expect(new Set(received.map((m) => m.raw.match(/^Subject: (.*)$/m)?.[1])).size).toBe(1_300);
    expect(await db.notification.count({ where: { channel: "EMAIL", status: "SENT", claimToken: null } })).toBe(1_300);
  });

  it("a dispatcher whose lease ran out does not touch the email another dispatcher has claimed since", async () => {
    await holdReady();
    refuse = true;
    // While the first dispatcher waits on a slow refusal, its lease ends and a second one claims the email.
    whileRefusing = () => db.notification.updateMany({ where: { channel: "EMAIL" }, data: { claimToken: "second-dispatcher", lockedUntil: minutes(20) } }).then(() => undefined);
    expect(await dispatchPendingEmails()).toEqual({ sent: 0, failed: 0, retrying: 0 });
    expect(await db.notification.findFirstOrThrow({ where: { channel: "EMAIL" } })).toMatchObject({
      status: "PENDING",
      claimToken: "second-dispatcher",
      lockedUntil: minutes(20),
      lastError: null,
    });
  });

  it("retries with backoff when the server refuses, and marks the email failed after five attempts", async () => {
    await holdReady();
    refuse = true;
    const mail = () => db.notification.findFirstOrThrow({ where: { channel: "EMAIL" } });
    expect(await dispatchPendingEmails()).toEqual({ sent: 0, failed: 0, retrying: 1 });
    expect(await mail()).toMatchObject({ status: "PENDING", attempts: 1 });
    expect((await mail()).lastError).toContain("mailbox unavailable");

    // Waits of 1, 5, 30 and 120 minutes: nothing is attempted before each is over.
    let elapsed = 0;
    for (const [wait, attempts] of [[1, 2], [5, 3], [30, 4]] as const) {
      setClock(minutes(elapsed + wait - 0.5));
      await dispatchPendingEmails();
      expect((await mail()).attempts).toBe(attempts - 1);
      elapsed += wait;
      setClock(minutes(elapsed));
      expect(await dispatchPendingEmails()).toEqual({ sent: 0, failed: 0, retrying: 1 });
      expect((await mail()).attempts).toBe(attempts);
    }
    setClock(minutes(elapsed + 120));
    expect(await dispatchPendingEmails()).toEqual({ sent: 0, failed: 1, retrying: 0 });
    expect(await mail()).toMatchObject({ status: "FAILED", attempts: 5 });
    setClock(minutes(elapsed + 1000));
    refuse = false;
    expect((await dispatchPendingEmails()).sent).toBe(0);
    expect(received).toHaveLength(0);

    const { rows, counts } = await emailOutbox({ status: "FAILED" });
    expect(counts).toMatchObject({ FAILED: 1 });
    expect(rows[0]).toMatchObject({ attempts: 5, lastError: expect.stringContaining("mailbox unavailable") });
  });

  it("a server that recovers gets the email on the retry", async () => {
    await holdReady();
    refuse = true;
    await dispatchPendingEmails();
    refuse = false;
    setClock(minutes(1));
    expect((await dispatchPendingEmails()).sent).toBe(1);
    expect(received).toHaveLength(1);
    expect(await db.notification.findFirstOrThrow({ where: { channel: "EMAIL" } })).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
  });
});

describe("preferences", () => {
  it("start with every kind in the app and by email", async () => {
    const [patron] = await makePatrons(1);
    const choices = await getPreferences(patron.id);
    expect(Object.values(choices).every((c) => c.inApp && c.email)).toBe(true);
    expect(Object.keys(choices)).toContain("HOLD_READY");
  });

  it("a patron who wants no email for a kind gets no email row, only the notice in the app", async () => {
    const [patron] = await makePatrons(1);
    await setPreferences(patron.id, { ...(await getPreferences(patron.id)), HOLD_READY: { inApp: true, email: false } });
    const book = await makeTitle();
    const [[borrower], librarian] = await Promise.all([makePatrons(1), makeLibrarian()]);
    await borrowTitle({ patronId: borrower.id, titleId: book.id });
    await placeHold({ patronId: patron.id, titleId: book.id });
    await checkIn({ barcode: book.copies[0].barcode, actorId: librarian.id });
    expect(await db.notification.count({ where: { userId: patron.id, channel: "EMAIL" } })).toBe(0);
    expect(await unreadCount(patron.id)).toBe(1);
    await dispatchPendingEmails();
    expect(received).toHaveLength(0);
  });

  it("a patron who wants nothing in the app for due-soon reminders still gets the email", async () => {
    const [patron] = await makePatrons(1);
    await setPreferences(patron.id, { ...(await getPreferences(patron.id)), DUE_SOON: { inApp: false, email: true } });
    const book = await makeTitle();
    setClock(new Date(T0.getTime() - days(20)));
    await borrowTitle({ patronId: patron.id, titleId: book.id });
    setClock(T0);
    await runDailyJob();
    expect(await unreadCount(patron.id)).toBe(0);
    expect(received.map((m) => m.to[0])).toEqual([patron.email]);
    expect((await getPreferences(patron.id)).DUE_SOON).toEqual({ inApp: false, email: true });
  });
});

describe("the in-app inbox", () => {
  it("lists a patron's notices newest first and marks one or all read, never someone else's", async () => {
    const patron = await holdReady("First");
    const [other] = await makePatrons(1);
    await db.notification.create({
      data: { userId: other.id, kind: "ACCOUNT", channel: "IN_APP", dedupeKey: "test:other", subject: "Other", body: "x", createdAt: T0, status: "SENT" },
    });
    setClock(minutes(5));
    await db.notification.create({
      data: { userId: patron.id, kind: "ACCOUNT", channel: "IN_APP", dedupeKey: "test:second", subject: "Second", body: "y", createdAt: minutes(5), status: "SENT" },
    });
    const list = await inbox(patron.id);
    expect(list.map((n) => n.subject)).toEqual(["Second", expect.stringContaining("First")]);
    expect(await unreadCount(patron.id)).toBe(2);

    const othersNotice = await db.notification.findFirstOrThrow({ where: { userId: other.id } });
    expect(await markRead({ userId: patron.id, notificationId: othersNotice.id })).toBe(0);
    expect(await unreadCount(other.id)).toBe(1);
    expect(await markRead({ userId: patron.id, notificationId: list[0].id })).toBe(1);
    expect(await markRead({ userId: patron.id, notificationId: list[0].id })).toBe(0);
    expect(await unreadCount(patron.id)).toBe(1);
    expect(await markRead({ userId: patron.id })).toBe(1);
    expect(await unreadCount(patron.id)).toBe(0);
    expect(await unreadCount(other.id)).toBe(1);
  });
});
