import { beforeEach, describe, expect, it } from "vitest";
import { checkIn } from "@/lib/circulation/check-in";
import { borrowTitle, checkOutCopy } from "@/lib/circulation/check-out";
import { renewLoan } from "@/lib/circulation/renew-loan";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { placeHold } from "@/lib/holds/place-hold";
import { createItemType } from "@/lib/policies/create-item-type";
import { ruleSchema } from "@/lib/policies/schemas";
import { updateRule } from "@/lib/policies/update-rule";
import { parseInput } from "@/lib/validation";
import { makeUser, resetDatabase } from "../support/database";
import { makeLibrarian, makePatron, makeTitle } from "../support/fixtures";

const T0 = new Date("2026-03-02T10:00:00Z");
const REFERENCE_REFUSAL = "This copy is for use in the library only (Reference) and cannot be borrowed.";

beforeEach(async () => {
  await resetDatabase();
  setClock(T0);
});

/** The rule form as an admin submits it: blank inherits. */
function ruleForm(categoryId: number | null, itemTypeId: number, fields: Record<string, string> = {}) {
  return parseInput(ruleSchema, {
    categoryId: categoryId === null ? "" : String(categoryId),
    itemTypeId: String(itemTypeId),
    loanPeriodDays: "",
    maxLoans: "",
    maxRenewals: "",
    fineDailyCents: "",
    fineGraceDays: "",
    fineCapCents: "",
    holdable: "inherit",
    notForLoan: "inherit",
    ...fields,
  });
}

const typeId = async (code: string) => (await db.itemType.findUniqueOrThrow({ where: { code } })).id;
const categoryId = async (code: string) => (await db.patronCategory.findUniqueOrThrow({ where: { code } })).id;

describe("the circulation matrix at the desk", () => {
  it("lends a DVD for 7 days and a book for 21, and keeps each loan's terms", async () => {
    const [patron, librarian, film, novel] = await Promise.all([makePatron(), makeLibrarian(), makeTitle({ itemTypeCode: "DVD" }), makeTitle()]);
    const dvd = await checkOutCopy({ patronId: patron.id, barcode: film.copies[0].barcode, actorId: librarian.id });
    const book = await checkOutCopy({ patronId: patron.id, barcode: novel.copies[0].barcode, actorId: librarian.id });
    expect(dvd.dueAt.toISOString()).toBe("2026-03-09T23:59:59.999Z");
    expect(book.dueAt.toISOString()).toBe("2026-03-23T23:59:59.999Z");
    expect(await db.loan.findUniqueOrThrow({ where: { id: dvd.loanId } })).toMatchObject({ loanPeriodDays: 7, fineDailyCents: 100, fineCapCents: 1000, maxRenewals: 2 });
  });

  it("refuses a reference copy in plain words, leaving it on the shelf", async () => {
    const [patron, librarian, atlas] = await Promise.all([makePatron(), makeLibrarian(), makeTitle({ itemTypeCode: "REFERENCE" })]);
    await expect(checkOutCopy({ patronId: patron.id, barcode: atlas.copies[0].barcode, actorId: librarian.id })).rejects.toMatchObject({
      message: REFERENCE_REFUSAL,
      reason: "NOT_FOR_LOAN",
      fields: { barcode: REFERENCE_REFUSAL },
    });
    await expect(borrowTitle({ patronId: patron.id, titleId: atlas.id })).rejects.toMatchObject({ message: REFERENCE_REFUSAL });
    expect((await db.copy.findUniqueOrThrow({ where: { id: atlas.copies[0].id } })).status).toBe("AVAILABLE");
    expect(await db.loan.count()).toBe(0);
    // Nor can it be reserved: no copy could ever serve the hold.
    await expect(placeHold({ patronId: patron.id, titleId: atlas.id })).rejects.toMatchObject({ reason: "NOT_HOLDABLE" });
  });

  it("self-service borrowing passes over a reference copy for a lendable one", async () => {
    const [patron, title] = await Promise.all([makePatron(), makeTitle({ itemTypeCode: "REFERENCE" })]);
    await db.copy.create({ data: { barcode: `LEND-${Date.now()}`, titleId: title.id } });
    const loan = await borrowTitle({ patronId: patron.id, titleId: title.id });
    expect(loan.copy.barcode).toMatch(/^LEND-/);
  });

  it("charges a DVD returned 3 days late 1.00 a day", async () => {
    const [patron, librarian, film] = await Promise.all([makePatron(), makeLibrarian(), makeTitle({ itemTypeCode: "DVD" })]);
    await checkOutCopy({ patronId: patron.id, barcode: film.copies[0].barcode, actorId: librarian.id });
    setClock(new Date("2026-03-12T12:00:00Z"));
    const back = await checkIn({ barcode: film.copies[0].barcode, actorId: librarian.id });
    expect(back.fine?.amountCents).toBe(300);
  });

  it("refuses a loan past the type's own limit with its own message", async () => {
    const [patron, librarian, films, novel] = await Promise.all([makePatron(), makeLibrarian(), makeTitle({ copies: 2, itemTypeCode: "DVD" }), makeTitle()]);
    const admin = await makeUser({ role: "ADMIN" });
    await updateRule({ input: ruleForm(await categoryId("ADULT"), await typeId("DVD"), { maxLoans: "1" }), actorId: admin.id });
    await checkOutCopy({ patronId: patron.id, barcode: films.copies[0].barcode, actorId: librarian.id });
    await expect(checkOutCopy({ patronId: patron.id, barcode: films.copies[1].barcode, actorId: librarian.id })).rejects.toMatchObject({
      reason: "TYPE_LOAN_LIMIT",
      message: "This card already has 1 DVD loan out, the most allowed for DVD. Return one to borrow another.",
    });
    // Other types are not held back by it.
    await checkOutCopy({ patronId: patron.id, barcode: novel.copies[0].barcode, actorId: librarian.id });
    // A child has no such cell: the type's row sets no limit.
    const child = await makePatron({ categoryCode: "CHILD" });
    await checkOutCopy({ patronId: child.id, barcode: films.copies[1].barcode, actorId: librarian.id });
  });

  it("an edit to the matrix changes new loans only: open loans keep their due date, fine and renewal terms", async () => {
    const [patron, librarian, films] = await Promise.all([makePatron(), makeLibrarian(), makeTitle({ copies: 2, itemTypeCode: "DVD" })]);
    const admin = await makeUser({ role: "ADMIN" });
    const before = await checkOutCopy({ patronId: patron.id, barcode: films.copies[0].barcode, actorId: librarian.id });
    await updateRule({ input: ruleForm(null, await typeId("DVD"), { loanPeriodDays: "3", fineDailyCents: "2.00", maxRenewals: "0" }), actorId: admin.id });
    const after = await checkOutCopy({ patronId: patron.id, barcode: films.copies[1].barcode, actorId: librarian.id });
    expect(before.dueAt.toISOString()).toBe("2026-03-09T23:59:59.999Z");
    expect(after.dueAt.toISOString()).toBe("2026-03-05T23:59:59.999Z");
    expect((await db.loan.findUniqueOrThrow({ where: { id: before.loanId } })).dueAt.toISOString()).toBe("2026-03-09T23:59:59.999Z");
    // The old loan still renews (2 renewals, 7 days each); the new one has none.
    setClock(new Date("2026-03-04T10:00:00Z"));
    expect((await renewLoan({ loanId: before.loanId, actorId: librarian.id })).dueAt.toISOString()).toBe("2026-03-11T23:59:59.999Z");
    await expect(renewLoan({ loanId: after.loanId, actorId: librarian.id })).rejects.toMatchObject({ reason: "NO_RENEWALS_LEFT" });
    setClock(new Date("2026-03-13T12:00:00Z"));
    expect((await checkIn({ barcode: films.copies[0].barcode, actorId: librarian.id })).fine?.amountCents).toBe(200);
    expect((await checkIn({ barcode: films.copies[1].barcode, actorId: librarian.id })).fine?.amountCents).toBe(1000);
    expect(await db.auditEntry.count({ where: { action: "policy.rule" } })).toBe(1);
  });

  it("a category's cell beats the type's row; blank goes back to inheriting", async () => {
    const [child, librarian, films] = await Promise.all([makePatron({ categoryCode: "CHILD" }), makeLibrarian(), makeTitle({ copies: 2, itemTypeCode: "DVD" })]);
    const admin = await makeUser({ role: "ADMIN" });
    const cell = ruleForm(await categoryId("CHILD"), await typeId("DVD"), { loanPeriodDays: "14" });
    await updateRule({ input: cell, actorId: admin.id });
    expect((await checkOutCopy({ patronId: child.id, barcode: films.copies[0].barcode, actorId: librarian.id })).dueAt.toISOString()).toBe("2026-03-16T23:59:59.999Z");
    await updateRule({ input: ruleForm(await categoryId("CHILD"), await typeId("DVD")), actorId: admin.id });
    expect((await checkOutCopy({ patronId: child.id, barcode: films.copies[1].barcode, actorId: librarian.id })).dueAt.toISOString()).toBe("2026-03-09T23:59:59.999Z");
  });

  it("a type made not reservable refuses holds but still lends", async () => {
    const [patron, other, librarian, film] = await Promise.all([makePatron(), makePatron(), makeLibrarian(), makeTitle({ itemTypeCode: "DVD" })]);
    const admin = await makeUser({ role: "ADMIN" });
    await updateRule({ input: ruleForm(null, await typeId("DVD"), { holdable: "no" }), actorId: admin.id });
    await checkOutCopy({ patronId: other.id, barcode: film.copies[0].barcode, actorId: librarian.id });
    await expect(placeHold({ patronId: patron.id, titleId: film.id })).rejects.toMatchObject({ reason: "NOT_HOLDABLE" });
  });

  it("adds an item type, refusing a code already used; its copies follow the category's policy", async () => {
    const [admin, patron, librarian] = await Promise.all([makeUser({ role: "ADMIN" }), makePatron(), makeLibrarian()]);
    await createItemType({ input: { code: "BOARD_GAME", name: "Board game" }, actorId: admin.id });
    await expect(createItemType({ input: { code: "BOARD_GAME", name: "Other" }, actorId: admin.id })).rejects.toMatchObject({ fields: { code: expect.any(String) } });
    const game = await makeTitle({ itemTypeCode: "BOARD_GAME" });
    expect((await checkOutCopy({ patronId: patron.id, barcode: game.copies[0].barcode, actorId: librarian.id })).dueAt.toISOString()).toBe("2026-03-23T23:59:59.999Z");
  });
});
