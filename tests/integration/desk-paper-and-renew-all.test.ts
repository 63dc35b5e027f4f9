import { beforeEach, describe, expect, it } from "vitest";
import { checkIn } from "@/lib/circulation/check-in";
import { borrowTitle } from "@/lib/circulation/check-out";
import { renewAllLoans } from "@/lib/circulation/renew-all-loans";
import { fineSlip, holdSlip, libraryCard, loanSlip } from "@/lib/circulation/slips";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { placeHold } from "@/lib/holds/place-hold";
import { resetDatabase } from "../support/database";
import { days, makeLibrarian, makePatron, makeTitle } from "../support/fixtures";

const T0 = new Date("2026-03-02T10:00:00Z");

beforeEach(async () => {
  await resetDatabase();
  setClock(T0);
});

describe("renew all", () => {
  it("renews each loan in its own transaction and says why the others were refused", async () => {
    const [patron, other, wanted, free, fresh] = await Promise.all([makePatron(), makePatron(), makeTitle({ title: "Wanted" }), makeTitle({ title: "Free" }), makeTitle({ title: "Fresh" })]);
    const wantedLoan = await borrowTitle({ patronId: patron.id, titleId: wanted.id });
    const freeLoan = await borrowTitle({ patronId: patron.id, titleId: free.id });
    await placeHold({ patronId: other.id, titleId: wanted.id });
    setClock(new Date(T0.getTime() + days(10)));
    const freshLoan = await borrowTitle({ patronId: patron.id, titleId: fresh.id });

    const outcomes = await renewAllLoans({ patronId: patron.id, actorId: patron.id });

    const byId = new Map(outcomes.map((o) => [o.loanId, o]));
    expect(outcomes).toHaveLength(3);
    expect(byId.get(freeLoan.loanId)).toMatchObject({ title: "Free", renewed: true, dueAt: new Date("2026-04-02T23:59:59.999Z") });
    expect(byId.get(wantedLoan.loanId)).toMatchObject({ title: "Wanted", renewed: false, reason: expect.stringMatching(/^Another patron is waiting for this book/) });
    expect(byId.get(freshLoan.loanId)).toMatchObject({ title: "Fresh", renewed: false, reason: expect.stringMatching(/^Too soon to renew/) });
    // Only the free one moved, once, with its audit entry.
    const loans = await db.loan.findMany({ where: { patronId: patron.id }, orderBy: { id: "asc" }, select: { id: true, renewals: true } });
    expect(loans.map((l) => [l.id, l.renewals])).toEqual([
      [wantedLoan.loanId, 0],
      [freeLoan.loanId, 1],
      [freshLoan.loanId, 0],
    ]);
    expect(await db.auditEntry.count({ where: { action: "loan.renew" } })).toBe(1);
  });

  it("renews nothing for a patron with nothing on loan, and never another patron's loans", async () => {
    const [patron, other, book] = await Promise.all([makePatron(), makePatron(), makeTitle()]);
    await borrowTitle({ patronId: other.id, titleId: book.id });
    setClock(new Date(T0.getTime() + days(10)));
    expect(await renewAllLoans({ patronId: patron.id, actorId: patron.id })).toEqual([]);
    expect(await db.loan.findFirstOrThrow({ where: { patronId: other.id } })).toMatchObject({ renewals: 0 });
  });
});

describe("the desk's slips", () => {
  it("lists every loan on the card, the fine charged at a late check-in with what is still owed, and the hold shelf's pickup day", async () => {
    const [patron, waiting, librarian, late, onTime, held] = await Promise.all([
      makePatron(),
      makePatron(),
      makeLibrarian(),
      makeTitle({ title: "Late" }),
      makeTitle({ title: "On Time" }),
      makeTitle({ title: "Held" }),
    ]);
    await borrowTitle({ patronId: patron.id, titleId: late.id });
    await borrowTitle({ patronId: patron.id, titleId: held.id });
    await borrowTitle({ patronId: patron.id, titleId: onTime.id });
    await placeHold({ patronId: waiting.id, titleId: held.id });
    setClock(new Date(T0.getTime() + days(25)));

    const slip = await loanSlip(patron.id);
    expect(slip?.patron).toEqual({ id: patron.id, name: patron.name, cardNumber: patron.cardNumber });
    expect(slip?.loans.map((l) => l.title)).toEqual(["Late", "Held", "On Time"]);

    const back = await checkIn({ barcode: late.copies[0].barcode, actorId: librarian.id });
    const heldBack = await checkIn({ barcode: held.copies[0].barcode, actorId: librarian.id });
    const fine = await fineSlip(back.fine!.id);
    expect(fine).toMatchObject({ amountCents: 4 * 25, loan: { copy: { barcode: late.copies[0].barcode, title: { title: "Late" } } } });
    // Both late returns are owed: the slip's "still owed" is the patron's whole balance.
    expect(fine?.stillOwedCents).toBe(8 * 25);

    expect(heldBack.routing.kind).toBe("hold-shelf");
    const holdId = heldBack.routing.kind === "hold-shelf" ? heldBack.routing.holdId : 0;
    const hold = await holdSlip(holdId);
    expect(hold).toMatchObject({ patron: { id: waiting.id, cardNumber: waiting.cardNumber }, title: { title: "Held" }, copy: { barcode: held.copies[0].barcode } });
    expect(hold?.expiresAt?.getTime()).toBeGreaterThan(T0.getTime() + days(25));

    expect(await libraryCard(patron.id)).toMatchObject({ name: patron.name, cardNumber: patron.cardNumber });
    expect(await loanSlip(999_999)).toBeNull();
    expect(await fineSlip(999_999)).toBeNull();
  });
});
