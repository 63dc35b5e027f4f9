import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GET as dispatch } from "@/app/api/cron/dispatch/route";
import { GET as ready } from "@/app/api/ready/route";
import { setClock } from "@/lib/clock";
import { databaseUrl } from "@/lib/database-url";
import { db } from "@/lib/db";
import { migrationNames, migrationsFolder } from "@/lib/migrations";
import { enqueueNotifications } from "@/lib/notifications/enqueue";
import { resetMailer } from "@/lib/notifications/mailer";
import { resetDatabase } from "../support/database";
import { makePatrons } from "../support/fixtures";

const T0 = new Date("2026-06-01T08:00:00Z");
let outbox = "";

beforeEach(async () => {
  await resetDatabase();
  delete process.env.SMTP_HOST;
  outbox = mkdtempSync(path.join(tmpdir(), "stacks-dispatch-"));
  process.env.MAIL_OUTBOX_DIR = outbox;
  process.env.CRON_SECRET = "s3cret-for-tests";
  resetMailer();
  setClock(T0);
});

afterEach(() => {
  delete process.env.MAIL_OUTBOX_DIR;
  delete process.env.CRON_SECRET;
  resetMailer();
  rmSync(outbox, { recursive: true, force: true });
});

const call = (authorization?: string) => dispatch(new Request("http://localhost/api/cron/dispatch", { headers: authorization ? { authorization } : {} }));

describe("GET /api/cron/dispatch", () => {
  it("refuses a call without the cron secret and sends nothing", async () => {
    const [patron] = await makePatrons(1);
    await db.$transaction((tx) => enqueueNotifications(tx, [{ userId: patron.id, kind: "ACCOUNT", key: "dispatch-test", subject: "Hello", text: "Hi", html: "<p>Hi</p>", link: "/account" }], T0));

    expect((await call()).status).toBe(401);
    expect((await call("Bearer wrong-secret")).status).toBe(401);
    expect(readdirSync(outbox)).toEqual([]);
    expect(await db.notification.count({ where: { channel: "EMAIL", status: "PENDING" } })).toBe(1);
  });

  it("sends the pending emails with the cron secret", async () => {
    const patrons = await makePatrons(2);
    await db.$transaction((tx) =>
      enqueueNotifications(tx, patrons.map((p) => ({ userId: p.id, kind: "ACCOUNT" as const, key: `dispatch-test-${p.id}`, subject: "Hello", text: "Hi", html: "<p>Hi</p>", link: "/account" })), T0),
    );

    const response = await call("Bearer s3cret-for-tests");
    expect(response.status).toBe(200);
    expect((await response.json()).email).toEqual({ sent: 2, failed: 0, retrying: 0 });
    expect(readdirSync(outbox).filter((f) => f.endsWith(".eml"))).toHaveLength(2);
    expect(await db.notification.count({ where: { channel: "EMAIL", status: "SENT" } })).toBe(2);
  });
});

describe("GET /api/ready", () => {
  it("answers 200 on a migrated database and 503 naming a migration the database lacks", async () => {
    const ok = await ready();
    expect(ok.status).toBe(200);
    expect((await ok.json()).pendingMigrations).toEqual([]);

    const last = migrationNames(migrationsFolder(databaseUrl())).at(-1)!;
    await db.$executeRaw`UPDATE "_prisma_migrations" SET "rolled_back_at" = "finished_at" WHERE "migration_name" = ${last}`;
    try {
      const notReady = await ready();
      expect(notReady.status).toBe(503);
      expect((await notReady.json()).pendingMigrations).toEqual([last]);
    } finally {
      await db.$executeRaw`UPDATE "_prisma_migrations" SET "rolled_back_at" = NULL WHERE "migration_name" = ${last}`;
    }
  });
});
