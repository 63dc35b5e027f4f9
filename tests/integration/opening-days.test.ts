import { beforeEach, describe, expect, it } from "vitest";
import { checkIn } from "@/lib/circulation/check-in";
import { borrowTitle, checkOutCopy } from "@/lib/circulation/check-out";
import { currentLoans } from "@/lib/circulation/patron-loans";
import { renewLoan } from "@/lib/circulation/renew-loan";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { confirmOnHoldShelf } from "@/lib/holds/confirm-on-hold-shelf";
import { placeHold } from "@/lib/holds/place-hold";
import { addClosure } from "@/lib/policies/add-closure";
import { newClosureSchema, openingDaysSchema } from "@/lib/policies/opening-days-schemas";
import { removeClosure } from "@/lib/policies/remove-closure";
import { updateOpeningDays } from "@/lib/policies/update-opening-days";
import { librarySettingsIn } from "@/lib/settings";
import { parseInput } from "@/lib/validation";
import { resetDatabase } from "../support/database";
import { makeLibrarian, makePatron, makePatrons, makeTitle } from "../support/fixtures";

// Monday 2 March 2026: a 21-day loan falls due on Monday 23 March.
const T0 = new Date("2026-03-02T10:00:00Z");
const SUNDAY = 0;
const SATURDAY = 6;

beforeEach(async () => {
  await resetDatabase();
  setClock(T0);
});

async function closeOn(closedWeekdays: number[], noFinesOnClosedDays = true) {
  const admin = await makeLibrarian();
  await updateOpeningDays({ input: { closedWeekdays, noFinesOnClosedDays }, actorId: admin.id });
  return admin;
}

describe("due dates on closed days", () => {
  it("a book due on a closed day is due the next open day, at the desk and by self-service", async () => {
    const admin = await closeOn([SUNDAY]);
    await addClosure({ input: { name: "Staff training", startsOn: "2026-03-23", endsOn: "2026-03-23", yearly: false }, actorId: admin.id });
    const [[patron, other], librarian, book] = await Promise.all([makePatrons(2), makeLibrarian(), makeTitle({ copies: 2 })]);
    const desk = await checkOutCopy({ patronId: patron.id, barcode: book.copies[0].barcode, actorId: librarian.id });
    expect(desk.dueAt.toISOString()).toBe("2026-03-24T23:59:59.999Z");
    const self = await borrowTitle({ patronId: other.id, titleId: book.id });
    expect(self.dueAt.toISOString()).toBe("2026-03-24T23:59:59.999Z");
    expect((await db.loan.findUniqueOrThrow({ where: { id: desk.loanId } })).dueAt.toISOString()).toBe("2026-03-24T23:59:59.999Z");
  });

  it("a renewal that would fall due on a closed Sunday is due the Monday after, and the loans page offers the same", async () => {
    await closeOn([SUNDAY]);
    const [patron, librarian, book] = await Promise.all([makePatron(), makeLibrarian(), makeTitle()]);
    const loan = await checkOutCopy({ patronId: patron.id, barcode: book.copies[0].barcode, actorId: librarian.id });
    // Sunday 8 March + 21 days is Sunday 29 March.
    setClock(new Date("2026-03-08T10:00:00Z"));
    expect((await currentLoans(patron.id))[0].renewalRefusal).toBeNull();
    const renewed = await renewLoan({ loanId: loan.loanId, actorId: librarian.id });
    expect(renewed.dueAt.toISOString()).toBe("2026-03-30T23:59:59.999Z");
  });

  it("in the library's time zone: a due date on Sunday in London moves to Monday's end there, after the clocks change", async () => {
    await db.librarySettings.upsert({ where: { id: 1 }, create: { id: 1, timeZone: "Europe/London" }, update: { timeZone: "Europe/London" } });
    await closeOn([SUNDAY]);
    const [patron, librarian, book] = await Promise.all([makePatron(), makeLibrarian(), makeTitle()]);
    // Sunday 8 March (winter time) + 21 days is Sunday 29 March, the day the clocks go forward.
    setClock(new Date("2026-03-08T12:00:00Z"));
    const loan = await checkOutCopy({ patronId: patron.id, barcode: book.copies[0].barcode, actorId: librarian.id });
    expect(loan.dueAt.toISOString()).toBe("2026-03-30T22:59:59.999Z");
  });
});

describe("fines over closed days", () => {
  // Borrowed Friday 6 March, due Friday 27 March, back Monday 30 March: 3 days late, 1 of them open.
  async function lateOverAWeekend() {
    const [patron, librarian, book] = await Promise.all([makePatron(), makeLibrarian(), makeTitle()]);
    setClock(new Date("2026-03-06T10:00:00Z"));
    const loan = await checkOutCopy({ patronId: patron.id, barcode: book.copies[0].barcode, actorId: librarian.id });
    expect(loan.dueAt.toISOString()).toBe("2026-03-27T23:59:59.999Z");
    setClock(new Date("2026-03-30T10:00:00Z"));
    return { patron, back: await checkIn({ barcode: book.copies[0].barcode, actorId: librarian.id }) };
  }

  it("a late return over a closed weekend is fined only for the open days", async () => {
    await closeOn([SATURDAY, SUNDAY]);
    const { patron, back } = await lateOverAWeekend();
    expect(back.loan?.daysLate).toBe(3);
    expect(back.fine?.amountCents).toBe(25);
    expect(await db.fine.findFirstOrThrow({ where: { patronId: patron.id } })).toMatchObject({ amountCents: 25, description: expect.stringContaining("3 days late") });
  });

  it("a library that fines closed days too charges every late day", async () => {
    await closeOn([SATURDAY, SUNDAY], false);
    const { back } = await lateOverAWeekend();
    expect(back.fine?.amountCents).toBe(75);
  });

  it("a book back on the closed Sunday after a Friday due date owes nothing, and the loans page shows no fine accruing", async () => {
    await closeOn([SATURDAY, SUNDAY]);
    const [patron, librarian, book] = await Promise.all([makePatron(), makeLibrarian(), makeTitle()]);
    setClock(new Date("2026-03-06T10:00:00Z"));
    await checkOutCopy({ patronId: patron.id, barcode: book.copies[0].barcode, actorId: librarian.id });
    setClock(new Date("2026-03-29T10:00:00Z"));
    expect((await currentLoans(patron.id))[0]).toMatchObject({ daysOverdue: 2, accruingFineCents: 0 });
    const back = await checkIn({ barcode: book.copies[0].barcode, actorId: librarian.id });
    expect(back.fine).toBeNull();
  });
});

describe("pickup windows", () => {
  it("the pickup deadline skips closed days, from the hold shelf and from a check-in", async () => {
    await closeOn([SUNDAY]);
    const [[first, second, borrower], librarian, book, other] = await Promise.all([makePatrons(3), makeLibrarian(), makeTitle(), makeTitle()]);
    // Friday 6 March: seven open days (Sunday 8 does not count) run to Saturday 14 March.
    setClock(new Date("2026-03-06T10:00:00Z"));
    const placed = await placeHold({ patronId: first.id, titleId: book.id });
    const { pickupBy } = await confirmOnHoldShelf({ holdId: placed.holdId, actorId: librarian.id });
    expect(pickupBy.toISOString()).toBe("2026-03-14T23:59:59.999Z");

    await checkOutCopy({ patronId: borrower.id, barcode: other.copies[0].barcode, actorId: librarian.id });
    await placeHold({ patronId: second.id, titleId: other.id });
    const back = await checkIn({ barcode: other.copies[0].barcode, actorId: librarian.id });
    expect(back.routing).toMatchObject({ kind: "hold-shelf", pickupBy: new Date("2026-03-14T23:59:59.999Z") });
    expect(await db.hold.findFirstOrThrow({ where: { patronId: second.id } })).toMatchObject({ status: "READY", expiresAt: new Date("2026-03-14T23:59:59.999Z") });
  });
});

describe("the opening-days page's operations", () => {
  it("saves weekly closed days and closures with audit entries, and removes a closure once", async () => {
    const admin = await closeOn([SATURDAY, SUNDAY], false);
    const added = await addClosure({ input: { name: "Christmas", startsOn: "2026-12-25", endsOn: "2026-12-26", yearly: true }, actorId: admin.id });
    const settings = await db.$transaction((tx) => librarySettingsIn(tx));
    expect(settings.openingDays).toEqual({
      closedWeekdays: [SUNDAY, SATURDAY],
      noFinesOnClosedDays: false,
      closures: [{ name: "Christmas", startsOn: "2026-12-25", endsOn: "2026-12-26", yearly: true }],
    });
    expect(await db.auditEntry.count({ where: { action: { in: ["opening-days.update", "closure.create"] } } })).toBe(2);
    await expect(removeClosure({ closureId: added.id, actorId: admin.id })).resolves.toEqual({ name: "Christmas" });
    await expect(removeClosure({ closureId: added.id, actorId: admin.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.libraryClosure.count()).toBe(0);
    expect(await db.auditEntry.count({ where: { action: "closure.delete" } })).toBe(1);
  });

  /** The per-field messages a refused form would show. */
  function refusedFields(schema: Parameters<typeof parseInput>[0], input: Record<string, string>) {
    try {
      parseInput(schema, input);
    } catch (e) {
      return (e as { fields?: Record<string, string> }).fields;
    }
    throw new Error("the form was accepted");
  }

  it("refuses a week with no open day and a closure that ends before it starts", () => {
    const week = Object.fromEntries([0, 1, 2, 3, 4, 5, 6].map((d) => [`closed.${d}`, "on"]));
    expect(refusedFields(openingDaysSchema, week)).toEqual({ closedWeekdays: "Leave at least one day of the week open." });
    expect(parseInput(openingDaysSchema, { "closed.0": "on" })).toEqual({ closedWeekdays: [0], noFinesOnClosedDays: false });
    expect(refusedFields(newClosureSchema, { name: "Works", startsOn: "2026-08-14", endsOn: "2026-08-03" })).toEqual({ endsOn: "The last day closed cannot be before the first." });
    expect(refusedFields(newClosureSchema, { name: "Works", startsOn: "2026-02-30" })).toEqual({ startsOn: expect.stringContaining("as a date") });
    expect(parseInput(newClosureSchema, { name: "Boxing Day", startsOn: "2026-12-26", endsOn: "", yearly: "on" })).toEqual({
      name: "Boxing Day",
      startsOn: "2026-12-26",
      endsOn: "2026-12-26",
      yearly: true,
    });
  });
});
