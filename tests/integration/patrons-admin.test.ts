import { beforeEach, describe, expect, it, vi } from "vitest";
import { borrowTitle, checkOutCopy } from "@/lib/circulation/check-out";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { authenticate } from "@/lib/patrons/authenticate";
import { editPatronSchema } from "@/lib/patrons/admin-schemas";
import { blockPatron } from "@/lib/patrons/block-patron";
import { IMPORTED_PASSWORD_HASH, importPatrons } from "@/lib/patrons/import-patrons";
import { listPatrons } from "@/lib/patrons/list-patrons";
import { parsePatronListParams } from "@/lib/patrons/patron-list-options";
import { patronAudit } from "@/lib/patrons/patron-audit";
import { previewPatronImport } from "@/lib/patrons/preview-patron-import";
import { renewCard } from "@/lib/patrons/renew-card";
import { resetPassword } from "@/lib/patrons/reset-password";
import { unblockPatron } from "@/lib/patrons/unblock-patron";
import { closeAccount, CLOSED_NAME } from "@/lib/patrons/close-account";
import { updatePatron } from "@/lib/patrons/update-patron";
import { parseInput } from "@/lib/validation";
import { makeUser, resetDatabase } from "../support/database";
import { days, makeLibrarian, makePatron, makeTitle } from "../support/fixtures";
import { FORBIDDEN_DIGEST } from "../support/next-interrupts";

// The server actions are called as a forged request would call them, with the session Auth.js
// would return (none, or a patron's).
const session = vi.hoisted(() => ({ current: null as { user: { id: string } } | null }));
vi.mock("@/lib/auth", () => ({ auth: async () => session.current }));
const actions = await import("@/app/admin/patrons/actions");

const T0 = new Date("2026-03-02T10:00:00Z");

beforeEach(async () => {
  await resetDatabase();
  setClock(T0);
});

const edit = (patron: { id: number; name: string; categoryId: number }, changes: Record<string, string>) =>
  parseInput(editPatronSchema, { patronId: String(patron.id), name: patron.name, email: "", phone: "", address: "", categoryId: String(patron.categoryId), ...changes });

describe("patron list", () => {
  it("shows each patron's loans, overdue loans, holds and fines, and filters and sorts on them", async () => {
    const [reader, debtor, quiet] = await Promise.all([makePatron(), makePatron(), makePatron()]);
    const librarian = await makeLibrarian();
    const book = await makeTitle({ copies: 3 });
    const late = await checkOutCopy({ patronId: reader.id, barcode: book.copies[0].barcode, actorId: librarian.id });
    await checkOutCopy({ patronId: reader.id, barcode: book.copies[1].barcode, actorId: librarian.id });
    await db.loan.update({ where: { id: late.loanId }, data: { dueAt: new Date(T0.getTime() - days(3)) } });
    await db.fine.create({ data: { patronId: debtor.id, kind: "MANUAL", amountCents: 700, paidCents: 200, description: "Torn page", createdAt: T0 } });
    await db.hold.create({ data: { patronId: quiet.id, titleId: book.id, placedAt: T0 } });
    await db.user.update({ where: { id: quiet.id }, data: { expiresAt: T0 } });

    const all = await listPatrons(parsePatronListParams({}));
    expect(all.total).toBe(4);
    const row = (id: number) => all.rows.find((r) => r.id === id)!;
    expect(row(reader.id)).toMatchObject({ loans: 2, overdue: 1, holds: 0, finesOwedCents: 0 });
    expect(row(debtor.id)).toMatchObject({ loans: 0, overdue: 0, finesOwedCents: 500 });
    expect(row(quiet.id)).toMatchObject({ holds: 1, category: "Adult", status: "ACTIVE" });

    const ids = async (params: Record<string, string>) => (await listPatrons(parsePatronListParams(params))).rows.map((r) => r.id);
    expect(await ids({ filter: "overdue" })).toEqual([reader.id]);
    expect(await ids({ filter: "fines" })).toEqual([debtor.id]);
    expect(await ids({ filter: "expired" })).toEqual([quiet.id]);
    expect((await ids({ sort: "loans", dir: "desc" }))[0]).toBe(reader.id);
    expect(await ids({ q: reader.email.toUpperCase() })).toEqual([reader.id]);
    expect(await ids({ category: "STAFF" })).toEqual([librarian.id]);
  });
});

describe("patron actions", () => {
  it("refuses an email another account uses, by field, and saves the rest with an audit entry", async () => {
    const [a, b, librarian] = await Promise.all([makePatron(), makePatron(), makeLibrarian()]);
    await expect(updatePatron({ input: edit(a, { email: b.email.toUpperCase() }), actorId: librarian.id })).rejects.toMatchObject({
      code: "CONFLICT",
      fields: { email: expect.stringContaining("Another account") },
    });
    await updatePatron({ input: edit(a, { email: "new@example.org", phone: "+44 20 7946 0000" }), actorId: librarian.id });
    expect(await db.user.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ email: "new@example.org", phone: "+44 20 7946 0000" });
    expect((await patronAudit(a.id)).map((e) => e.action)).toEqual(["patron.update"]);
  });

  it("refuses to write details back into a closed account whose details were cleared", async () => {
    const [patron, librarian] = await Promise.all([makePatron(), makeLibrarian()]);
    expect(await closeAccount({ userId: patron.id })).toMatchObject({ anonymised: true });
    await expect(updatePatron({ input: edit(patron, { email: "found-you@example.org" }), actorId: librarian.id })).rejects.toMatchObject({
      code: "REFUSED",
      message: expect.stringContaining("closed and its details cleared"),
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: patron.id } })).toMatchObject({ name: CLOSED_NAME, email: null });
  });

  it("checks the form by field", () => {
    expect(() => parseInput(editPatronSchema, { patronId: "1", name: " ", email: "nope", phone: "call me", address: "", categoryId: "" })).toThrow(
      expect.objectContaining({ fields: expect.objectContaining({ name: expect.any(String), email: expect.any(String), phone: expect.any(String), categoryId: expect.any(String) }) }),
    );
  });

  it("blocks with a reason (borrowing refused), then unblocks (borrowing allowed)", async () => {
    const [patron, librarian, book] = await Promise.all([makePatron(), makeLibrarian(), makeTitle()]);
    await blockPatron({ patronId: patron.id, reason: "Lost library property", actorId: librarian.id });
    await expect(blockPatron({ patronId: patron.id, reason: "Again", actorId: librarian.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(borrowTitle({ patronId: patron.id, titleId: book.id })).rejects.toMatchObject({ reason: "ACCOUNT_BLOCKED" });
    await unblockPatron({ patronId: patron.id, note: null, actorId: librarian.id });
    expect(await db.user.findUniqueOrThrow({ where: { id: patron.id } })).toMatchObject({ status: "ACTIVE", blockedReason: null });
    await expect(borrowTitle({ patronId: patron.id, titleId: book.id })).resolves.toMatchObject({ title: { id: book.id } });
    expect((await patronAudit(patron.id)).map((e) => e.action)).toEqual(["patron.unblock", "patron.block"]);
  });

  it("renews an expired card for the category's validity from today", async () => {
    const [patron, librarian, book] = await Promise.all([makePatron(), makeLibrarian(), makeTitle()]);
    await db.user.update({ where: { id: patron.id }, data: { expiresAt: new Date(T0.getTime() - days(1)) } });
    await expect(borrowTitle({ patronId: patron.id, titleId: book.id })).rejects.toMatchObject({ reason: "ACCOUNT_EXPIRED" });
    const { expiresAt } = await renewCard({ patronId: patron.id, actorId: librarian.id });
    expect(expiresAt.toISOString()).toBe("2029-03-01T23:59:59.999Z");
    await expect(borrowTitle({ patronId: patron.id, titleId: book.id })).resolves.toMatchObject({ title: { id: book.id } });
  });

  it("issues a new card for the same term a renewal gives, to the end of the library day", async () => {
    const patron = await makeUser();
    expect((await db.user.findUniqueOrThrow({ where: { id: patron.id } })).expiresAt?.toISOString()).toBe("2029-03-01T23:59:59.999Z");
  });

  it("resets a password to a temporary one the patron can sign in with", async () => {
    const patron = await makeUser();
    const librarian = await makeLibrarian();
    const { temporaryPassword } = await resetPassword({ patronId: patron.id, actorId: librarian.id });
    expect(temporaryPassword).toMatch(/^[A-Za-z2-9]{14}$/);
    expect(await authenticate({ identifier: patron.email, password: "correct horse battery", address: "test" })).toEqual({ kind: "invalid" });
    expect(await authenticate({ identifier: patron.email, password: temporaryPassword, address: "test" })).toMatchObject({ kind: "ok" });
  });
});

describe("patron CSV import", () => {
  const header = "name,email,category,card_number,phone";

  it("previews adds, updates by email and bad rows with reasons", async () => {
    const known = await makePatron();
    const preview = await previewPatronImport({
      csv: [
        header,
        "Ada Pupil,ada@school.example,child,,",
        `Known Person,${known.email.toUpperCase()},Adult,,0123 456`,
        "No Email,,Adult,,",
        "Bad Category,bc@school.example,Wizard,,",
        "Twice,ada@school.example,Child,,",
        "Odd Card,odd@school.example,Child,?!,",
        ",not-an-email,Wizard,,call me",
      ].join("\n"),
    });
    expect(preview).toMatchObject({ addCount: 1, updateCount: 1, adds: [{ line: 2, email: "ada@school.example" }], updates: [{ line: 3, patronId: known.id }] });
    expect(preview.bad).toEqual([
      { line: 4, reason: "The email is empty." },
      { line: 5, reason: 'There is no patron category "Wizard".' },
      { line: 6, reason: "The email ada@school.example is already on line 2." },
      { line: 7, reason: expect.stringContaining("is not a card number") },
      { line: 8, reason: 'The name is empty. "not-an-email" is not an email address. There is no patron category "Wizard". "call me" is not a phone number.' },
    ]);
  });

  it("imports nothing when one row is bad, everything when none is", async () => {
    const librarian = await makeLibrarian();
    const known = await makePatron();
    const before = await db.user.count();
    const bad = `${header}\nAda Pupil,ada@school.example,Child,,\nBroken,not-an-email,Child,,`;
    await expect(importPatrons({ csv: bad, actorId: librarian.id })).rejects.toMatchObject({ reason: "BAD_ROWS" });
    expect(await db.user.count()).toBe(before);

    const rows = Array.from({ length: 40 }, (_, i) => `Pupil ${i},pupil${i}@school.example,Child,,`);
    const good = [header, ...rows, `Renamed,${known.email},Child,SCHOOL-0042,`].join("\n");
    expect(await importPatrons({ csv: good, actorId: librarian.id })).toEqual({ added: 40, updated: 1 });
    expect(await db.user.count()).toBe(before + 40);
    const pupil = await db.user.findUniqueOrThrow({ where: { email: "pupil7@school.example" }, include: { category: true } });
    expect(pupil).toMatchObject({ name: "Pupil 7", passwordHash: IMPORTED_PASSWORD_HASH, category: { code: "CHILD" }, expiresAt: new Date("2029-03-01T23:59:59.999Z") });
    expect(await db.user.findUniqueOrThrow({ where: { id: known.id } })).toMatchObject({ name: "Renamed", cardNumber: "SCHOOL-0042" });
    expect((await patronAudit(pupil.id)).map((e) => e.action)).toEqual(["patron.import_add"]);
    // No password matches the marker; staff hand out a temporary one.
    expect(await authenticate({ identifier: "pupil7@school.example", password: IMPORTED_PASSWORD_HASH, address: "test" })).toEqual({ kind: "invalid" });
    const { temporaryPassword } = await resetPassword({ patronId: pupil.id, actorId: librarian.id });
    expect(await authenticate({ identifier: pupil.cardNumber, password: temporaryPassword, address: "test" })).toMatchObject({ kind: "ok" });
  });
});

describe("patron server actions", () => {
  async function calls(patronId: number): Promise<[string, () => Promise<unknown>][]> {
    const form = (values: Record<string, string | File>) => {
      const data = new FormData();
      for (const [k, v] of Object.entries(values)) data.set(k, v);
      return data;
    };
    const p = String(patronId);
    const csv = () => new File(["name,email,category\nForged,forged@example.org,Adult\n"], "p.csv", { type: "text/csv" });
    return [
      ["updatePatronAction", () => actions.updatePatronAction(null, form({ patronId: p, name: "Forged", email: "forged@example.org", categoryId: "1" }))],
      ["blockPatronAction", () => actions.blockPatronAction(null, form({ patronId: p, reason: "Forged block" }))],
      ["unblockPatronAction", () => actions.unblockPatronAction(null, form({ patronId: p }))],
      ["renewCardAction", () => actions.renewCardAction(null, form({ patronId: p }))],
      ["resetPasswordAction", () => actions.resetPasswordAction(null, form({ patronId: p }))],
      ["previewPatronImportAction", () => actions.previewPatronImportAction(null, form({ file: csv() }))],
      ["importPatronsAction", () => actions.importPatronsAction(null, form({ file: csv() }))],
    ];
  }

  const state = async () => ({ users: await db.user.findMany({ orderBy: { id: "asc" } }), audit: await db.auditEntry.count() });

  it("send a visitor to sign in and a patron to /forbidden, changing nothing", async () => {
    const patron = await makeUser();
    for (const [caller, expected] of [[null, "/sign-in"], [{ user: { id: String(patron.id) } }, FORBIDDEN_DIGEST]] as const) {
      session.current = caller;
      for (const [name, call] of await calls(patron.id)) {
        const before = await state();
        await expect(call(), name).rejects.toMatchObject({ digest: expect.stringContaining(expected) });
        expect(await state(), name).toEqual(before);
      }
    }
  });

  it("let a librarian through", async () => {
    const [librarian, patron] = await Promise.all([makeUser({ role: "LIBRARIAN" }), makePatron()]);
    session.current = { user: { id: String(librarian.id) } };
    const [, preview] = (await calls(patron.id)).find(([name]) => name === "previewPatronImportAction")!;
    expect(await preview()).toMatchObject({ ok: true, data: { addCount: 1 } });
  });
});
