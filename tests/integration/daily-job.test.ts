import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GET } from "@/app/api/cron/daily/route";
import { checkIn } from "@/lib/circulation/check-in";
import { borrowTitle } from "@/lib/circulation/check-out";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { placeHold } from "@/lib/holds/place-hold";
import { runDailyJob } from "@/lib/notifications/daily-job";
import { resetMailer } from "@/lib/notifications/mailer";
import { resetDatabase } from "../support/database";
import { days, makeLibrarian, makePatrons, makeTitle } from "../support/fixtures";
import { readableMail } from "../support/mail";

// The daily job with the file mailer: every email becomes one .eml file in a fresh folder.
const T0 = new Date("2026-06-01T08:00:00Z");
let outbox = "";

beforeEach(async () => {
  await resetDatabase();
  delete process.env.SMTP_HOST;
  outbox = mkdtempSync(path.join(tmpdir(), "stacks-daily-"));
  process.env.MAIL_OUTBOX_DIR = outbox;
  resetMailer();
  setClock(T0);
});

afterEach(() => {
  delete process.env.MAIL_OUTBOX_DIR;
  resetMailer();
  rmSync(outbox, { recursive: true, force: true });
});

const emlFiles = () => readdirSync(outbox).filter((f) => f.endsWith(".eml"));

/** Three patrons with a loan each: due tomorrow, 1 day late and 8 days late (overdue steps 1, 7, 14). */
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

/** How many rows each (patron, kind, loan or hold, channel) has: a notice sent twice shows as 2. */
async function copiesPerNotice() {
  const rows = await db.notification.findMany();
  const counts = new Map<string, number>();
  for (const r of rows) {
    const id = `${r.userId}:${r.kind}:${r.loanId ?? ""}:${r.holdId ?? ""}:${r.channel}:${r.dedupeKey.split(":").slice(3, -2).join(":")}`;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return { rows, counts: [...counts.values()] };
}

describe("the daily job", () => {
  it("run twice at the same time writes each notice once and sends each email once", async () => {
    const patrons = await library();
    const [first, second] = await Promise.all([runDailyJob(), runDailyJob()]);
    expect(first.dueSoonNotices + second.dueSoonNotices).toBe(2); // in the app and by email, for the loan due tomorrow
    expect(first.overdueNotices + second.overdueNotices).toBe(4);
    expect(first.email.sent + second.email.sent).toBe(3);

    const { rows, counts } = await copiesPerNotice();
    expect(rows).toHaveLength(6);
    expect(counts.every((n) => n === 1)).toBe(true);
    expect(new Set(rows.map((r) => r.userId))).toEqual(new Set(patrons.map((p) => p.id)));
    expect(rows.filter((r) => r.channel === "EMAIL").map((r) => r.status)).toEqual(["SENT", "SENT", "SENT"]);
    const files = emlFiles();
    expect(files).toHaveLength(3);
    const late = files.map((f) => readableMail(readFileSync(path.join(outbox, f), "utf8"))).find((m) => m.includes("Book for 2"))!;
    expect(late).toContain(`To: "${patrons[2].name}" <${patrons[2].email}>`);
    expect(late).toMatch(/^Subject: "Book for 2" is overdue · /m);
    expect(late).toContain("/account/loans");

    const again = await runDailyJob();
    expect(again).toMatchObject({ dueSoonNotices: 0, overdueNotices: 0, holdsExpired: 0, cardExpiryNotices: 0, email: { sent: 0, failed: 0, retrying: 0 } });
    expect(await db.notification.count()).toBe(6);
    expect(emlFiles()).toHaveLength(3);
  });

  it("sends the next overdue step when it is reached, and nothing for steps already sent", async () => {
    const [soon, , late] = await library();
    await runDailyJob();
    setClock(new Date(T0.getTime() + days(6)));
    await runDailyJob();
    const steps = await db.notification.findMany({ where: { userId: late.id, kind: "OVERDUE", channel: "EMAIL" }, orderBy: { id: "asc" } });
    expect(steps.map((s) => s.dedupeKey.split(":")[4])).toEqual(["7", "14"]);
    // The loan due tomorrow is now 5 days late: its first overdue step, once.
    expect(await db.notification.count({ where: { userId: soon.id, kind: "OVERDUE" } })).toBe(2);
  });

  it("expires uncollected holds once, passing each copy to the next in the queue, even when run twice at once", async () => {
    const [[borrower, first, next], librarian, book] = await Promise.all([makePatrons(3), makeLibrarian(), makeTitle({ title: "The Slow Reader" })]);
    await borrowTitle({ patronId: borrower.id, titleId: book.id });
    await placeHold({ patronId: first.id, titleId: book.id });
    await placeHold({ patronId: next.id, titleId: book.id });
    await checkIn({ barcode: book.copies[0].barcode, actorId: librarian.id });
    setClock(new Date(T0.getTime() + days(9)));

    const runs = await Promise.all([runDailyJob(), runDailyJob()]);
    expect(runs[0].holdsExpired + runs[1].holdsExpired).toBe(1);
    const holds = await db.hold.findMany({ orderBy: { id: "asc" } });
    expect(holds.map((h) => h.status)).toEqual(["EXPIRED", "READY"]);
    expect(holds[1].copyId).toBe(book.copies[0].id);
    expect(await db.notification.count({ where: { userId: first.id, kind: "HOLD_EXPIRED" } })).toBe(2);
    expect(await db.notification.count({ where: { userId: next.id, kind: "HOLD_READY" } })).toBe(2);
    const { counts } = await copiesPerNotice();
    expect(counts.every((n) => n === 1)).toBe(true);
    // One email to each of the two patrons, plus the first patron's earlier "ready" email.
    expect(emlFiles()).toHaveLength(3);
  });

  it("tells a patron once that their card has expired", async () => {
    const [patron] = await makePatrons(1);
    await db.user.update({ where: { id: patron.id }, data: { expiresAt: new Date(T0.getTime() - days(2)) } });
    const runs = await Promise.all([runDailyJob(), runDailyJob()]);
    expect(runs[0].cardExpiryNotices + runs[1].cardExpiryNotices).toBe(2);
    expect((await runDailyJob()).cardExpiryNotices).toBe(0);
    const mail = readableMail(readFileSync(path.join(outbox, emlFiles()[0]), "utf8"));
    expect(mail).toMatch(/^Subject: Your library card has expired · /m);
    expect(mail).toContain("Your library card expired on 30 May 2026.");
  });
});

describe("GET /api/cron/daily", () => {
  const call = (authorization?: string) =>
    GET(new Request("http://localhost/api/cron/daily", { headers: authorization ? { authorization } : {} }));

  afterEach(() => {
    delete process.env.CRON_SECRET;
  });

  it("refuses a call without the secret, or with the wrong one", async () => {
    process.env.CRON_SECRET = "s3cret-for-tests";
    expect((await call()).status).toBe(401);
    expect((await call("Bearer wrong")).status).toBe(401);
    expect((await call("s3cret-for-tests")).status).toBe(401);
    delete process.env.CRON_SECRET;
    expect((await call("Bearer ")).status).toBe(401);
    expect(await db.notification.count()).toBe(0);
  });

  it("runs the job for the scheduler that has the secret", async () => {
    await library();
    process.env.CRON_SECRET = "s3cret-for-tests";
    const response = await call("Bearer s3cret-for-tests");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, dueSoonNotices: 2, overdueNotices: 4, email: { sent: 3 } });
  });
});
