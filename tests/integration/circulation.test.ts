import { beforeEach, describe, expect, it } from "vitest";
import { checkIn, returnLoan } from "@/lib/circulation/check-in";
import { borrowTitle, checkOutCopy } from "@/lib/circulation/check-out";
import { markLost } from "@/lib/circulation/mark-lost";
import { renewLoan } from "@/lib/circulation/renew-loan";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { recordPayment } from "@/lib/fines/record-payment";
import { resetDatabase } from "../support/database";
import { days, makeLibrarian, makePatron, makePatrons, makeTitle } from "../support/fixtures";

const T0 = new Date("2026-03-02T10:00:00Z");

beforeEach(async () => {
  await resetDatabase();
  setClock(T0);
});

async function snapshot() {
  return {
    loans: await db.loan.count(),
    openLoans: await db.loan.count({ where: { returnedAt: null } }),
    copies: await db.copy.findMany({ select: { id: true, status: true }, orderBy: { id: "asc" } }),
  };
}

describe("check out and check in", () => {
  it("lends a copy at the desk until the end of the day 21 days later, and charges nothing on time", async () => {
    const [patron, librarian, book] = await Promise.all([makePatron(), makeLibrarian(), makeTitle({ copies: 2 })]);
    const loan = await checkOutCopy({ patronId: patron.id, barcode: book.copies[0].barcode, actorId: librarian.id });
    expect(loan.dueAt.toISOString()).toBe("2026-03-23T23:59:59.999Z");
    expect((await db.copy.findUniqueOrThrow({ where: { id: book.copies[0].id } })).status).toBe("ON_LOAN");
    setClock(new Date("2026-03-23T18:00:00Z"));
    const back = await checkIn({ barcode: book.copies[0].barcode, actorId: librarian.id });
    expect(back.fine).toBeNull();
    expect(back.routing).toEqual({ kind: "shelf" });
    expect((await db.copy.findUniqueOrThrow({ where: { id: book.copies[0].id } })).status).toBe("AVAILABLE");
  });

  it("counts a borrow in the title's popularity without marking the record edited (the search's word lists stay)", async () => {
    const [patron, librarian, book] = await Promise.all([makePatron(), makeLibrarian(), makeTitle({ copies: 1 })]);
    const before = await db.title.findUniqueOrThrow({ where: { id: book.id } });
    await checkOutCopy({ patronId: patron.id, barcode: book.copies[0].barcode, actorId: librarian.id });
    const after = await db.title.findUniqueOrThrow({ where: { id: book.id } });
    expect(after.popularity).toBe(before.popularity + 1);
    expect(after.updatedAt).toEqual(before.updatedAt);
  });

  it("charges days late × rate for a return 30 days after borrowing, linked to the loan", async () => {
    const [patron, librarian, book] = await Promise.all([makePatron(), makeLibrarian(), makeTitle()]);
    const loan = await borrowTitle({ patronId: patron.id, titleId: book.id });
    setClock(new Date(T0.getTime() + days(30)));
    const back = await checkIn({ barcode: book.copies[0].barcode, actorId: librarian.id });
    expect(back.loan?.daysLate).toBe(9);
    expect(back.fine?.amountCents).toBe(9 * 25);
    const fine = await db.fine.findFirstOrThrow({ where: { patronId: patron.id } });
    expect(fine).toMatchObject({ loanId: loan.loanId, kind: "OVERDUE", amountCents: 225 });
  });

  it("caps the overdue fine at the policy's cap", async () => {
    const [patron, librarian, book] = await Promise.all([makePatron(), makeLibrarian(), makeTitle()]);
    await borrowTitle({ patronId: patron.id, titleId: book.id });
    setClock(new Date(T0.getTime() + days(200)));
    const back = await checkIn({ barcode: book.copies[0].barcode, actorId: librarian.id });
    expect(back.fine?.amountCents).toBe(1000);
  });

  it("a second scan of a returned copy does not charge twice", async () => {
    const [patron, librarian, book] = await Promise.all([makePatron(), makeLibrarian(), makeTitle()]);
    await borrowTitle({ patronId: patron.id, titleId: book.id });
    setClock(new Date(T0.getTime() + days(30)));
    await checkIn({ barcode: book.copies[0].barcode, actorId: librarian.id });
    const again = await checkIn({ barcode: book.copies[0].barcode, actorId: librarian.id });
    expect(again.loan).toBeNull();
    expect(await db.fine.count()).toBe(1);
  });

  it("sends a returned copy to the hold shelf for the first patron waiting", async () => {
    const [[borrower, first, second], librarian, book] = await Promise.all([makePatrons(3), makeLibrarian(), makeTitle()]);
    await borrowTitle({ patronId: borrower.id, titleId: book.id });
    await db.hold.create({ data: { titleId: book.id, patronId: second.id, placedAt: new Date(T0.getTime() + 2000) } });
    await db.hold.create({ data: { titleId: book.id, patronId: first.id, placedAt: new Date(T0.getTime() + 1000) } });
    const back = await checkIn({ barcode: book.copies[0].barcode, actorId: librarian.id });
    expect(back.routing).toMatchObject({ kind: "hold-shelf", patron: { id: first.id, name: first.name, cardNumber: first.cardNumber } });
    expect((await db.copy.findUniqueOrThrow({ where: { id: book.copies[0].id } })).status).toBe("ON_HOLD_SHELF");
    expect(await db.hold.findFirstOrThrow({ where: { patronId: first.id } })).toMatchObject({ status: "READY", copyId: book.copies[0].id });
    expect(await db.hold.findFirstOrThrow({ where: { patronId: second.id } })).toMatchObject({ status: "WAITING" });
    // Someone else cannot borrow it; the patron it waits for can.
    await expect(borrowTitle({ patronId: second.id, titleId: book.id })).rejects.toMatchObject({ reason: "HELD_FOR_OTHERS" });
    await borrowTitle({ patronId: first.id, titleId: book.id });
    expect(await db.hold.findFirstOrThrow({ where: { patronId: first.id } })).toMatchObject({ status: "FULFILLED" });
  });
});

describe("refusals leave everything as it was", () => {
  async function refused(run: () => Promise<unknown>, reason: string) {
    const before = await snapshot();
    await expect(run()).rejects.toMatchObject({ reason });
    expect(await snapshot()).toEqual(before);
  }

  it("refuses a blocked account, an expired card, an overdue loan and the loan limit", async () => {
    const [[blocked, expired, late, busy], librarian] = await Promise.all([makePatrons(4), makeLibrarian()]);
    const book = await makeTitle({ copies: 8 });
    await db.user.update({ where: { id: blocked.id }, data: { status: "BLOCKED", blockedReason: "lost card" } });
    await db.user.update({ where: { id: expired.id }, data: { expiresAt: new Date(T0.getTime() - days(1)) } });
    await refused(() => borrowTitle({ patronId: blocked.id, titleId: book.id }), "ACCOUNT_BLOCKED");
    await refused(() => borrowTitle({ patronId: expired.id, titleId: book.id }), "ACCOUNT_EXPIRED");

    const other = await makeTitle();
    setClock(new Date(T0.getTime() - days(30)));
    await borrowTitle({ patronId: late.id, titleId: other.id });
    setClock(T0);
    await refused(() => checkOutCopy({ patronId: late.id, barcode: book.copies[0].barcode, actorId: librarian.id }), "HAS_OVERDUE");

    for (let i = 0; i < 5; i++) await checkOutCopy({ patronId: busy.id, barcode: book.copies[i].barcode, actorId: librarian.id });
    const error = await checkOutCopy({ patronId: busy.id, barcode: book.copies[5].barcode, actorId: librarian.id }).catch((e) => e);
    // The desk's librarian reads it, so it says what to do there.
    expect(error.message).toBe("Borrowing blocked: 5 loans out, the most the patron's card allows — check one in first.");
  });

  it("blocks borrowing once unpaid fines reach 5.00, not at 4.99", async () => {
    const [patron, book] = await Promise.all([makePatron(), makeTitle({ copies: 2 })]);
    await db.fine.create({ data: { patronId: patron.id, kind: "MANUAL", amountCents: 499, description: "test", createdAt: T0 } });
    await borrowTitle({ patronId: patron.id, titleId: book.id });
    await db.fine.create({ data: { patronId: patron.id, kind: "MANUAL", amountCents: 1, description: "test", createdAt: T0 } });
    const other = await makeTitle();
    await refused(() => borrowTitle({ patronId: patron.id, titleId: other.id }), "FINES_BLOCK");
  });

  it("refuses when no copy is free, for unknown barcodes, copies on loan and copies out of circulation", async () => {
    const [[a, b], librarian, book] = await Promise.all([makePatrons(2), makeLibrarian(), makeTitle({ copies: 4 })]);
    await borrowTitle({ patronId: a.id, titleId: book.id });
    await refused(() => checkOutCopy({ patronId: b.id, barcode: "NO-SUCH", actorId: librarian.id }), undefined as never);
    await refused(() => checkOutCopy({ patronId: b.id, barcode: book.copies[0].barcode, actorId: librarian.id }), "COPY_ON_LOAN");
    await db.copy.update({ where: { id: book.copies[1].id }, data: { status: "WITHDRAWN" } });
    await db.copy.update({ where: { id: book.copies[2].id }, data: { status: "LOST" } });
    await db.copy.update({ where: { id: book.copies[3].id }, data: { status: "DAMAGED" } });
    for (const copy of book.copies.slice(1)) {
      await refused(() => checkOutCopy({ patronId: b.id, barcode: copy.barcode, actorId: librarian.id }), "COPY_NOT_LENDABLE");
    }
    await refused(() => borrowTitle({ patronId: b.id, titleId: book.id }), "NO_COPY_AVAILABLE");
  });

  it("refuses a patron's own return from home unless the library allows self-service returns", async () => {
    const [patron, book] = await Promise.all([makePatron(), makeTitle()]);
    const loan = await borrowTitle({ patronId: patron.id, titleId: book.id });
    await expect(returnLoan({ loanId: loan.loanId, patronId: patron.id })).rejects.toMatchObject({ code: "REFUSED", reason: "SELF_RETURN_OFF" });
    await db.librarySettings.create({ data: { id: 1, selfServiceReturn: false } });
    await expect(returnLoan({ loanId: loan.loanId, patronId: patron.id })).rejects.toMatchObject({ reason: "SELF_RETURN_OFF" });
    expect(await db.loan.findUniqueOrThrow({ where: { id: loan.loanId } })).toMatchObject({ returnedAt: null });
    expect((await db.copy.findUniqueOrThrow({ where: { id: book.copies[0].id } })).status).toBe("ON_LOAN");

    await db.librarySettings.update({ where: { id: 1 }, data: { selfServiceReturn: true } });
    const back = await returnLoan({ loanId: loan.loanId, patronId: patron.id });
    expect(back.loan?.id).toBe(loan.loanId);
    expect((await db.copy.findUniqueOrThrow({ where: { id: book.copies[0].id } })).status).toBe("AVAILABLE");
  });

  it("does not let a patron return or renew another patron's loan", async () => {
    const [[owner, intruder], book] = await Promise.all([makePatrons(2), makeTitle()]);
    const loan = await borrowTitle({ patronId: owner.id, titleId: book.id });
    await expect(returnLoan({ loanId: loan.loanId, patronId: intruder.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(renewLoan({ loanId: loan.loanId, actorId: intruder.id, patronId: intruder.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.loan.findUniqueOrThrow({ where: { id: loan.loanId } })).toMatchObject({ returnedAt: null, renewals: 0, patronId: owner.id });
  });
});

describe("renewals", () => {
  it("moves the due date from the renewal day, twice, then refuses", async () => {
    const [patron, book] = await Promise.all([makePatron(), makeTitle()]);
    const loan = await borrowTitle({ patronId: patron.id, titleId: book.id });
    setClock(new Date(T0.getTime() + days(10)));
    const first = await renewLoan({ loanId: loan.loanId, actorId: patron.id, patronId: patron.id });
    expect(first.dueAt.toISOString()).toBe("2026-04-02T23:59:59.999Z");
    expect(first.renewalsLeft).toBe(1);
    setClock(new Date(T0.getTime() + days(12)));
    await renewLoan({ loanId: loan.loanId, actorId: patron.id, patronId: patron.id });
    await expect(renewLoan({ loanId: loan.loanId, actorId: patron.id, patronId: patron.id })).rejects.toMatchObject({ reason: "NO_RENEWALS_LEFT" });
  });

  it("refuses while another patron waits and no other copy can serve them, allows it when one can", async () => {
    const [[reader, waiting], book] = await Promise.all([makePatrons(2), makeTitle({ copies: 2 })]);
    const loan = await borrowTitle({ patronId: reader.id, titleId: book.id });
    await db.hold.create({ data: { titleId: book.id, patronId: waiting.id, placedAt: T0 } });
    setClock(new Date(T0.getTime() + days(2)));
    await renewLoan({ loanId: loan.loanId, actorId: reader.id, patronId: reader.id });
    await db.copy.update({ where: { id: book.copies[1].id }, data: { status: "DAMAGED" } });
    setClock(new Date(T0.getTime() + days(4)));
    await expect(renewLoan({ loanId: loan.loanId, actorId: reader.id, patronId: reader.id })).rejects.toMatchObject({ reason: "WANTED_BY_OTHERS" });
  });

  it("refuses a renewal that would not move the due date, on the day of checkout, and keeps the renewal", async () => {
    const [patron, book] = await Promise.all([makePatron(), makeTitle()]);
    const loan = await borrowTitle({ patronId: patron.id, titleId: book.id });
    await expect(renewLoan({ loanId: loan.loanId, actorId: patron.id, patronId: patron.id })).rejects.toMatchObject({
      reason: "TOO_SOON",
      message: expect.stringContaining("Too soon to renew"),
    });
    expect(await db.loan.findUniqueOrThrow({ where: { id: loan.loanId } })).toMatchObject({ renewals: 0, dueAt: loan.dueAt });
  });
});

describe("fines and payments", () => {
  async function owing(cents: number[]) {
    const patron = await makePatron();
    for (const [i, amountCents] of cents.entries()) {
      await db.fine.create({ data: { patronId: patron.id, kind: "MANUAL", amountCents, description: `fine ${i}`, createdAt: new Date(T0.getTime() + i) } });
    }
    return patron;
  }

  it("spreads a partial payment oldest first and settles a fine once covered", async () => {
    const [patron, librarian] = await Promise.all([owing([300, 400]), makeLibrarian()]);
    const result = await recordPayment({ patronId: patron.id, amountCents: 450, kind: "PAYMENT", actorId: librarian.id });
    expect(result.balanceCents).toBe(250);
    const fines = await db.fine.findMany({ where: { patronId: patron.id }, orderBy: { id: "asc" } });
    expect(fines.map((f) => [f.paidCents, f.settledAt !== null])).toEqual([[300, true], [150, false]]);
  });

  it("refuses to take more than is owed, and a waiver without a reason", async () => {
    const [patron, librarian] = await Promise.all([owing([300]), makeLibrarian()]);
    await expect(recordPayment({ patronId: patron.id, amountCents: 301, kind: "PAYMENT", actorId: librarian.id })).rejects.toMatchObject({ fields: { amount: expect.stringContaining("owed") } });
    await expect(recordPayment({ patronId: patron.id, amountCents: 100, kind: "WAIVER", actorId: librarian.id })).rejects.toMatchObject({ fields: { reason: expect.any(String) } });
    await recordPayment({ patronId: patron.id, amountCents: 300, kind: "WAIVER", reason: "first offence", actorId: librarian.id });
    expect(await db.fine.findFirstOrThrow({ where: { patronId: patron.id } })).toMatchObject({ waivedCents: 300 });
  });

  it("lets a patron borrow again once payments bring fines under the threshold", async () => {
    const [patron, librarian, book] = await Promise.all([owing([700]), makeLibrarian(), makeTitle()]);
    await expect(borrowTitle({ patronId: patron.id, titleId: book.id })).rejects.toMatchObject({ reason: "FINES_BLOCK" });
    await recordPayment({ patronId: patron.id, amountCents: 201, kind: "PAYMENT", actorId: librarian.id });
    await borrowTitle({ patronId: patron.id, titleId: book.id });
  });

  it("marking a copy on loan lost closes the loan and charges its replacement cost", async () => {
    const [patron, librarian, book] = await Promise.all([makePatron(), makeLibrarian(), makeTitle({ replacementCostCents: 2750 })]);
    const loan = await borrowTitle({ patronId: patron.id, titleId: book.id });
    const lost = await markLost({ barcode: book.copies[0].barcode, actorId: librarian.id });
    expect(lost.fine?.amountCents).toBe(2750);
    expect(await db.loan.findUniqueOrThrow({ where: { id: loan.loanId } })).toMatchObject({ returnedAt: T0, lostAt: T0 });
    expect((await db.copy.findUniqueOrThrow({ where: { id: book.copies[0].id } })).status).toBe("LOST");
  });
});

it("writes an audit entry for every circulation event and money movement", async () => {
  const [patron, librarian, book] = await Promise.all([makePatron(), makeLibrarian(), makeTitle({ copies: 2 })]);
  const loan = await checkOutCopy({ patronId: patron.id, barcode: book.copies[0].barcode, actorId: librarian.id });
  setClock(new Date(T0.getTime() + days(3)));
  await renewLoan({ loanId: loan.loanId, actorId: librarian.id });
  setClock(new Date(T0.getTime() + days(60)));
  await checkIn({ barcode: book.copies[0].barcode, actorId: librarian.id });
  await recordPayment({ patronId: patron.id, amountCents: 100, kind: "PAYMENT", actorId: librarian.id });
  await recordPayment({ patronId: patron.id, amountCents: 100, kind: "WAIVER", reason: "goodwill", actorId: librarian.id });
  setClock(T0);
  await checkOutCopy({ patronId: patron.id, barcode: book.copies[1].barcode, actorId: librarian.id }).catch(() => undefined);
  await markLost({ barcode: book.copies[1].barcode, actorId: librarian.id });
  const actions = (await db.auditEntry.findMany({ where: { actorId: librarian.id } })).map((a) => a.action);
  for (const action of ["loan.checkout", "loan.renew", "loan.checkin", "fine.charge", "fine.payment", "fine.waiver", "copy.lost"]) {
    expect(actions).toContain(action);
  }
});
