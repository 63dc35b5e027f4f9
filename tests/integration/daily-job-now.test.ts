// Next's request scope first: the action modules read it as they load.
import { inRequest } from "../support/request-scope";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { runDailyJobAction } from "@/app/admin/notifications/actions";
import { borrowTitle } from "@/lib/circulation/check-out";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { resetMailer } from "@/lib/notifications/mailer";
import { resetDatabase } from "../support/database";
import { days, makeLibrarian, makePatrons, makeTitle } from "../support/fixtures";

// "Run daily job now" on the outbox page: the scheduler's job, started by a librarian.
const T0 = new Date("2026-06-01T08:00:00Z");
let outbox = "";

beforeEach(async () => {
  await resetDatabase();
  delete process.env.SMTP_HOST;
  outbox = mkdtempSync(path.join(tmpdir(), "stacks-daily-now-"));
  process.env.MAIL_OUTBOX_DIR = outbox;
  resetMailer();
});

afterEach(() => {
  setClock(null);
  delete process.env.MAIL_OUTBOX_DIR;
  resetMailer();
  rmSync(outbox, { recursive: true, force: true });
});

it("a librarian runs the daily job now and is told what it did; running it again sends nothing twice", async () => {
  const [[patron], librarian, book] = await Promise.all([makePatrons(1), makeLibrarian(), makeTitle({ title: "Late Again" })]);
  setClock(new Date(T0.getTime() - days(22)));
  await borrowTitle({ patronId: patron.id, titleId: book.id });
  setClock(T0);
  const form = new FormData();

  const first = await inRequest(librarian, () => runDailyJobAction(null, form));
  expect(first).toMatchObject({ ok: true, message: expect.stringMatching(/^Daily job done: .*2 overdue notices.*1 email sent\.$/) });
  const notices = await db.notification.count();
  expect(notices).toBe(2);
  expect(readdirSync(outbox).filter((f) => f.endsWith(".eml"))).toHaveLength(1);

  const second = await inRequest(librarian, () => runDailyJobAction(null, form));
  expect(second).toMatchObject({ ok: true, message: expect.stringContaining("0 overdue notices") });
  expect(second).toMatchObject({ message: expect.stringContaining("0 emails sent") });
  expect(await db.notification.count()).toBe(notices);
  expect(readdirSync(outbox).filter((f) => f.endsWith(".eml"))).toHaveLength(1);
});
