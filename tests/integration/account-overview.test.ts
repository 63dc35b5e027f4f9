import { beforeEach, describe, expect, it } from "vitest";
import { borrowTitle } from "@/lib/circulation/check-out";
import { accountOverview } from "@/lib/circulation/patron-standing";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { profileSchema } from "@/lib/patrons/schemas";
import { updateProfile } from "@/lib/patrons/update-profile";
import { parseInput } from "@/lib/validation";
import { resetDatabase } from "../support/database";
import { days, makePatron, makeTitle } from "../support/fixtures";

const T0 = new Date("2026-03-02T10:00:00Z");

beforeEach(async () => {
  await resetDatabase();
  setClock(T0);
});

describe("a patron's account overview", () => {
  it("leads with an expired card, blocked fines and an overdue loan, every reason in order", async () => {
    const [patron, book] = await Promise.all([makePatron(), makeTitle()]);
    expect((await accountOverview(patron.id, T0))!.refusals).toEqual([]);

    setClock(new Date(T0.getTime() - days(30)));
    await borrowTitle({ patronId: patron.id, titleId: book.id });
    setClock(T0);
    await db.user.update({ where: { id: patron.id }, data: { expiresAt: new Date(T0.getTime() - days(10)) } });
    await db.fine.create({ data: { patronId: patron.id, kind: "MANUAL", amountCents: 725, description: "test", createdAt: T0 } });
    const overview = (await accountOverview(patron.id, T0))!;
    expect(overview.refusals.map((r) => r.reason)).toEqual(["ACCOUNT_EXPIRED", "HAS_OVERDUE", "FINES_BLOCK"]);
    expect(overview.refusals[2]).toMatchObject({ unpaidFinesCents: 725, thresholdCents: 500 });
    expect(overview.standing).toMatchObject({ openLoans: 1, overdueLoans: 1, unpaidFinesCents: 725 });
    // The one loan is overdue: nothing is "next due".
    expect(overview.nextDueAt).toBeNull();

    await db.user.update({ where: { id: patron.id }, data: { status: "BLOCKED", blockedReason: "Lost card reported" } });
    expect((await accountOverview(patron.id, T0))!.refusals[0]).toEqual({ reason: "ACCOUNT_BLOCKED", blockedReason: "Lost card reported" });
  });

  it("counts waiting holds and lists those ready to collect with their deadline", async () => {
    const [patron, a, b] = await Promise.all([makePatron(), makeTitle(), makeTitle()]);
    const deadline = new Date(T0.getTime() + days(7));
    await db.hold.create({ data: { titleId: a.id, patronId: patron.id, placedAt: T0 } });
    await db.hold.create({ data: { titleId: b.id, patronId: patron.id, placedAt: T0, status: "READY", readyAt: T0, expiresAt: deadline } });
    const { holds } = (await accountOverview(patron.id, T0))!;
    expect(holds).toEqual({ waiting: 1, ready: [{ title: b.title, expiresAt: deadline }] });
  });
});

describe("a patron's own details", () => {
  it("saves name, phone and address, empties as nothing, and records what changed", async () => {
    const patron = await makePatron();
    await updateProfile({ patronId: patron.id, input: parseInput(profileSchema, { name: " Ada Lovelace ", phone: "+44 20 7946 0000", address: "1 Book Lane\nLondon" }) });
    expect(await db.user.findUniqueOrThrow({ where: { id: patron.id } })).toMatchObject({ name: "Ada Lovelace", phone: "+44 20 7946 0000", address: "1 Book Lane\nLondon" });
    await updateProfile({ patronId: patron.id, input: parseInput(profileSchema, { name: "Ada Lovelace", phone: "", address: "" }) });
    expect(await db.user.findUniqueOrThrow({ where: { id: patron.id } })).toMatchObject({ phone: null, address: null });
    const entries = await db.auditEntry.findMany({ where: { action: "patron.profile_update", entityId: String(patron.id) }, orderBy: { id: "asc" } });
    expect(entries).toHaveLength(2);
    expect(JSON.parse(entries[1].details!)).toEqual({ phone: { from: "+44 20 7946 0000", to: null }, address: { from: "1 Book Lane\nLondon", to: null } });
  });

  it("refuses an empty name and letters in the phone number, per field", () => {
    expect(() => parseInput(profileSchema, { name: " ", phone: "call me", address: "" })).toThrow(
      expect.objectContaining({ fields: { name: "Enter your name.", phone: "Use digits, spaces and + ( ) - only." } }),
    );
  });
});
