import { inRequest } from "../support/request-scope";
import { beforeEach, describe, expect, it } from "vitest";
import { deskCheckInAction } from "@/app/admin/circulation/actions";
import { checkOutCopy } from "@/lib/circulation/check-out";
import { markLost } from "@/lib/circulation/mark-lost";
import { readPatronStanding } from "@/lib/circulation/patron-standing";
import { borrowRefusal } from "@/lib/circulation/rules";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { recordPayment } from "@/lib/fines/record-payment";
import { resetDatabase } from "../support/database";
import { makeLibrarian, makePatron, makeTitle } from "../support/fixtures";

const T0 = new Date("2026-03-02T10:00:00Z");

beforeEach(async () => {
  await resetDatabase();
  await db.librarySettings.create({ data: { currency: "GBP" } });
  setClock(T0);
});

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
}

/** A patron whose borrowed copy (replacement cost £27.50) was marked lost, so borrowing is blocked. */
async function lostLoan() {
  const [patron, librarian, book] = await Promise.all([makePatron(), makeLibrarian(), makeTitle({ replacementCostCents: 2750 })]);
  const barcode = book.copies[0].barcode;
  await checkOutCopy({ patronId: patron.id, barcode, actorId: librarian.id });
  await markLost({ barcode, actorId: librarian.id });
  return { patron, librarian, barcode, copyId: book.copies[0].id };
}

async function borrowingRefusal(patronId: number) {
  const standing = (await readPatronStanding(db, patronId, T0))!;
  return borrowRefusal(standing.standing, standing.policy, T0)?.reason ?? null;
}

describe("a lost copy checked back in", () => {
  it("refunds the replacement charge, lifts the block it caused and says so at the desk", async () => {
    const { patron, librarian, barcode, copyId } = await lostLoan();
    expect(await borrowingRefusal(patron.id)).toBe("FINES_BLOCK");

    const reply = await inRequest(librarian, () => deskCheckInAction(null, form({ barcode })));
    expect(reply).toMatchObject({ ok: true, message: expect.stringContaining("Found: lost copy returned; replacement charge £27.50 refunded.") });
    expect((reply as { message: string }).message).not.toContain("not on loan");

    const charge = await db.fine.findFirstOrThrow({ where: { patronId: patron.id, kind: "LOST" } });
    expect(charge).toMatchObject({ amountCents: 2750, waivedCents: 2750, settledAt: T0 });
    expect(await borrowingRefusal(patron.id)).toBeNull();
    expect((await db.copy.findUniqueOrThrow({ where: { id: copyId } })).status).toBe("AVAILABLE");
    expect(await db.loan.count({ where: { copyId, returnedAt: null } })).toBe(0);
  });

  it("names the part already paid for the desk to give back", async () => {
    const { patron, librarian, barcode } = await lostLoan();
    await recordPayment({ patronId: patron.id, amountCents: 1000, kind: "PAYMENT", actorId: librarian.id });
    const reply = await inRequest(librarian, () => deskCheckInAction(null, form({ barcode })));
    expect(reply).toMatchObject({ message: expect.stringContaining("replacement charge £27.50 refunded. Give back the £10.00 the patron had paid.") });
    expect(await db.fine.findFirstOrThrow({ where: { patronId: patron.id, kind: "LOST" } })).toMatchObject({ paidCents: 1000, waivedCents: 1750 });
  });

  it("keeps the charge when the library's setting says so", async () => {
    const { patron, librarian, barcode } = await lostLoan();
    await db.librarySettings.update({ where: { id: 1 }, data: { keepLostChargeWhenFound: true } });
    const reply = await inRequest(librarian, () => deskCheckInAction(null, form({ barcode })));
    expect(reply).toMatchObject({ message: expect.stringContaining("the replacement charge of £27.50 is kept") });
    expect(await db.fine.findFirstOrThrow({ where: { patronId: patron.id, kind: "LOST" } })).toMatchObject({ waivedCents: 0, settledAt: null });
    expect(await borrowingRefusal(patron.id)).toBe("FINES_BLOCK");
  });
});
