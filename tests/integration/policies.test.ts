import { beforeEach, describe, expect, it, vi } from "vitest";
import { checkOutCopy } from "@/lib/circulation/check-out";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { setRole } from "@/lib/patrons/set-role";
import { createCategory } from "@/lib/policies/create-category";
import { librarySettingsSchema, newCategorySchema, policySchema } from "@/lib/policies/schemas";
import { updateLibrarySettings } from "@/lib/policies/update-library-settings";
import { updatePolicy } from "@/lib/policies/update-policy";
import { getLibrarySettings } from "@/lib/settings";
import { parseInput } from "@/lib/validation";
import { makeUser, resetDatabase } from "../support/database";
import { makeLibrarian, makePatron, makeTitle } from "../support/fixtures";
import { ADULT_FORM } from "../support/policy-form";
import { FORBIDDEN_DIGEST } from "../support/next-interrupts";

const session = vi.hoisted(() => ({ current: null as { user: { id: string } } | null }));
vi.mock("@/lib/auth", () => ({ auth: async () => session.current }));
const policyActions = await import("@/app/admin/policies/actions");
const staffActions = await import("@/app/admin/staff/actions");
const settingsActions = await import("@/app/admin/settings/actions");

const T0 = new Date("2026-03-02T10:00:00Z");

beforeEach(async () => {
  await resetDatabase();
  setClock(T0);
});

function fieldsOf(run: () => unknown): Record<string, string> {
  try {
    run();
  } catch (e) {
    return (e as { fields: Record<string, string> }).fields;
  }
  throw new Error("no validation error");
}

describe("policy validation", () => {
  it("reads money as cents and notice days as a clean list", () => {
    expect(parseInput(policySchema, { categoryId: "1", ...ADULT_FORM })).toMatchObject({ fineDailyCents: 25, fineCapCents: 1000, blockThresholdCents: 500, overdueNoticeDays: "1,7,14" });
  });

  it("says what is wrong, field by field", () => {
    const fields = fieldsOf(() =>
      parseInput(policySchema, {
        categoryId: "1",
        ...ADULT_FORM,
        loanPeriodDays: "-3",
        maxLoans: "2.5",
        fineDailyCents: "2",
        fineCapCents: "1.50",
        blockThresholdCents: "0",
        overdueNoticeDays: "7,1",
        holdPickupDays: "",
      }),
    );
    expect(fields).toEqual({
      loanPeriodDays: "Enter a whole number, 1 or more.",
      maxLoans: "Enter a whole number, 0 or more (no negatives).",
      holdPickupDays: "Enter a whole number, 1 or more.",
      overdueNoticeDays: "List the notice days in increasing order, each once.",
    });
    // Cross-field rules apply once every field reads.
    expect(fieldsOf(() => parseInput(policySchema, { categoryId: "1", ...ADULT_FORM, fineDailyCents: "2", fineCapCents: "1.50", blockThresholdCents: "0" }))).toEqual({
      fineCapCents: "The cap must be at least the daily fine.",
      blockThresholdCents: "The block threshold must be more than 0.",
    });
    expect(fieldsOf(() => parseInput(policySchema, { categoryId: "1", ...ADULT_FORM, fineDailyCents: "-0.25", overdueNoticeDays: "0,7" }))).toEqual({
      fineDailyCents: expect.stringContaining("no negatives"),
      overdueNoticeDays: "Each notice day must be 1 or more.",
    });
  });

  it("validates the time zone and currency with Intl, and the daily job time as HH:MM", () => {
    expect(parseInput(librarySettingsSchema, { name: "Town Library", timeZone: "Europe/Paris", currency: "eur", dailyJobTime: "05:30:00" })).toEqual({
      name: "Town Library",
      timeZone: "Europe/Paris",
      currency: "EUR",
      dailyJobTime: "05:30",
      selfServiceReturn: false,
      keepLostChargeWhenFound: false,
      anonymiseLoansAfterDays: null,
    });
    expect(fieldsOf(() => parseInput(librarySettingsSchema, { name: "", timeZone: "Mars/Olympus", currency: "XYZ", dailyJobTime: "24:00" }))).toEqual({
      name: expect.any(String),
      timeZone: expect.stringContaining("time zone"),
      currency: expect.stringContaining("currency"),
      dailyJobTime: expect.stringContaining("HH:MM"),
    });
  });
});

describe("policies", () => {
  it("a new loan gets the category's new loan period", async () => {
    const [patron, librarian, book] = await Promise.all([makePatron(), makeLibrarian(), makeTitle({ copies: 2 })]);
    const adult = await db.patronCategory.findUniqueOrThrow({ where: { code: "ADULT" } });
    const before = await checkOutCopy({ patronId: patron.id, barcode: book.copies[0].barcode, actorId: librarian.id });
    expect(before.dueAt.toISOString()).toBe("2026-03-23T23:59:59.999Z");
    await updatePolicy({ input: parseInput(policySchema, { categoryId: String(adult.id), ...ADULT_FORM, loanPeriodDays: "7" }), actorId: librarian.id });
    const after = await checkOutCopy({ patronId: patron.id, barcode: book.copies[1].barcode, actorId: librarian.id });
    expect(after.dueAt.toISOString()).toBe("2026-03-09T23:59:59.999Z");
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "policy.update" } });
    expect(JSON.parse(audit.details!)).toEqual({ loanPeriodDays: { from: 21, to: 7 } });
  });

  it("adds a category, refusing a code already used", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const input = parseInput(newCategorySchema, { code: "senior", ...ADULT_FORM, name: "Senior" });
    await createCategory({ input, actorId: admin.id });
    expect(await db.patronCategory.findUniqueOrThrow({ where: { code: "SENIOR" } })).toMatchObject({ name: "Senior", fineDailyCents: 25 });
    await expect(createCategory({ input: { ...input, name: "Another" }, actorId: admin.id })).rejects.toMatchObject({ fields: { code: expect.any(String) } });
  });

  it("saves the library settings", async () => {
    const admin = await makeUser({ role: "ADMIN" });
    const input = { name: "Town Library", timeZone: "Europe/Paris", currency: "EUR", dailyJobTime: "07:15", selfServiceReturn: true, keepLostChargeWhenFound: true };
    await updateLibrarySettings({ input, actorId: admin.id });
    expect(await db.librarySettings.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject(input);
    expect(await getLibrarySettings()).toMatchObject({ currency: "EUR", selfServiceReturn: true, keepLostChargeWhenFound: true });
    // Unticked boxes are absent from the form: both choices turn off.
    expect(parseInput(librarySettingsSchema, { name: "Town Library", timeZone: "Europe/Paris", currency: "EUR", dailyJobTime: "06:00" })).toMatchObject({ selfServiceReturn: false, keepLostChargeWhenFound: false });
  });
});

describe("staff roles", () => {
  it("the last administrator cannot lose the role; with two, one can", async () => {
    const [first, librarian] = await Promise.all([makeUser({ role: "ADMIN" }), makeUser({ role: "LIBRARIAN" })]);
    await expect(setRole({ userId: first.id, role: "LIBRARIAN", actorId: first.id })).rejects.toMatchObject({ reason: "LAST_ADMIN" });
    expect((await db.user.findUniqueOrThrow({ where: { id: first.id } })).role).toBe("ADMIN");
    await setRole({ userId: librarian.id, role: "ADMIN", actorId: first.id });
    await setRole({ userId: first.id, role: "PATRON", actorId: librarian.id });
    expect((await db.user.findUniqueOrThrow({ where: { id: first.id } })).role).toBe("PATRON");
    await expect(setRole({ userId: librarian.id, role: "LIBRARIAN", actorId: librarian.id })).rejects.toMatchObject({ reason: "LAST_ADMIN" });
  });

  it("two admins demoting each other at once leave one administrator", async () => {
    const [a, b] = await Promise.all([makeUser({ role: "ADMIN" }), makeUser({ role: "ADMIN" })]);
    const results = await Promise.allSettled([setRole({ userId: a.id, role: "LIBRARIAN", actorId: b.id }), setRole({ userId: b.id, role: "LIBRARIAN", actorId: a.id })]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db.user.count({ where: { role: "ADMIN" } })).toBe(1);
  });
});

describe("admin-only server actions", () => {
  function form(values: Record<string, string>) {
    const data = new FormData();
    for (const [k, v] of Object.entries(values)) data.set(k, v);
    return data;
  }

  it("send a visitor to sign in, and a patron or a librarian to /forbidden, changing nothing", async () => {
    const [patron, librarian, admin] = await Promise.all([makeUser(), makeUser({ role: "LIBRARIAN" }), makeUser({ role: "ADMIN" })]);
    const adult = await db.patronCategory.findUniqueOrThrow({ where: { code: "ADULT" } });
    const calls: [string, () => Promise<unknown>][] = [
      ["updatePolicyAction", () => policyActions.updatePolicyAction(null, form({ categoryId: String(adult.id), ...ADULT_FORM, loanPeriodDays: "1" }))],
      ["createCategoryAction", () => policyActions.createCategoryAction(null, form({ code: "FORGED", ...ADULT_FORM, name: "Forged" }))],
      ["setRoleAction", () => staffActions.setRoleAction(null, form({ userId: String(admin.id), role: "PATRON" }))],
      ["setRoleAction (self-promotion)", () => staffActions.setRoleAction(null, form({ userId: String(librarian.id), role: "ADMIN" }))],
      ["updateSettingsAction", () => settingsActions.updateSettingsAction(null, form({ name: "Forged", timeZone: "UTC", currency: "USD" }))],
    ];
    const state = async () => ({
      categories: await db.patronCategory.findMany({ orderBy: { id: "asc" } }),
      roles: await db.user.findMany({ select: { id: true, role: true }, orderBy: { id: "asc" } }),
      settings: await db.librarySettings.findMany(),
      audit: await db.auditEntry.count(),
    });
    const callers = [
      [null, "/sign-in"],
      [{ user: { id: String(patron.id) } }, FORBIDDEN_DIGEST],
      [{ user: { id: String(librarian.id) } }, FORBIDDEN_DIGEST],
    ] as const;
    for (const [caller, expected] of callers) {
      session.current = caller;
      for (const [name, call] of calls) {
        const before = await state();
        await expect(call(), name).rejects.toMatchObject({ digest: expect.stringContaining(expected) });
        expect(await state(), name).toEqual(before);
      }
    }
  });
});
