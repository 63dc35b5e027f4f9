import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { borrowTitle } from "@/lib/circulation/check-out";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { resetMailer } from "@/lib/notifications/mailer";
import { runDailyJobWhenDue } from "@/lib/notifications/run-daily-job-when-due";
import { resetDatabase } from "../support/database";
import { days, makePatron, makeTitle } from "../support/fixtures";

// The scheduler's daily job: due once per library day from the settings' time on, made up at
// start when a day was missed, and run by one instance when several try at once.
const T0 = new Date("2026-06-10T09:00:00Z");
let outbox = "";

beforeEach(async () => {
  await resetDatabase();
  await db.librarySettings.create({ data: { id: 1, timeZone: "UTC", dailyJobTime: "06:00" } });
  outbox = mkdtempSync(path.join(tmpdir(), "stacks-scheduled-"));
  process.env.MAIL_OUTBOX_DIR = outbox;
  resetMailer();
  // A patron whose loan has been due for 9 days, and who has never had a notice.
  const patron = await makePatron();
  const book = await makeTitle();
  setClock(new Date(T0.getTime() - days(30)));
  await borrowTitle({ patronId: patron.id, titleId: book.id });
  setClock(T0);
});

afterEach(() => {
  delete process.env.MAIL_OUTBOX_DIR;
  resetMailer();
  rmSync(outbox, { recursive: true, force: true });
});

describe("the scheduled daily job", () => {
  it("runs at start when its day was missed, and not again that day", async () => {
    const first = await runDailyJobWhenDue();
    expect(first).toMatchObject({ ran: true, day: "2026-06-10" });
    expect(await db.notification.count({ where: { kind: "OVERDUE", channel: "IN_APP" } })).toBe(1);
    expect(await runDailyJobWhenDue()).toEqual({ ran: false });
    expect(await db.scheduledRun.findUniqueOrThrow({ where: { job: "daily" } })).toMatchObject({ day: "2026-06-10", finishedAt: expect.any(Date) });
  });

  it("runs the next day from the time in the library settings", async () => {
    await runDailyJobWhenDue();
    await db.librarySettings.update({ where: { id: 1 }, data: { dailyJobTime: "07:30" } });
    setClock(new Date("2026-06-11T07:29:00Z"));
    expect(await runDailyJobWhenDue()).toEqual({ ran: false });
    setClock(new Date("2026-06-11T07:30:00Z"));
    expect(await runDailyJobWhenDue()).toMatchObject({ ran: true, day: "2026-06-11" });
  });

  it("two instances at once: one runs the job, the other finds the day taken", async () => {
    const runs = await Promise.all([runDailyJobWhenDue(), runDailyJobWhenDue(), runDailyJobWhenDue()]);
    expect(runs.filter((r) => r.ran)).toHaveLength(1);
    expect(await db.notification.count({ where: { kind: "OVERDUE", channel: "IN_APP" } })).toBe(1);
  });
});
