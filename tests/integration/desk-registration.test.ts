import { beforeEach, describe, expect, it } from "vitest";
import { checkOutCopy } from "@/lib/circulation/check-out";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { recordPayment } from "@/lib/fines/record-payment";
import { authenticate } from "@/lib/patrons/authenticate";
import { deskRegisterSchema } from "@/lib/patrons/admin-schemas";
import { isValidCardNumber } from "@/lib/patrons/card-number";
import { findPatrons } from "@/lib/patrons/find-patrons";
import { IMPORTED_PASSWORD_HASH } from "@/lib/patrons/import-patrons";
import { patronAudit } from "@/lib/patrons/patron-audit";
import { registerAtDesk } from "@/lib/patrons/register-at-desk";
import { resetPassword } from "@/lib/patrons/reset-password";
import { profileSchema } from "@/lib/patrons/schemas";
import { updateProfile } from "@/lib/patrons/update-profile";
import { parseInput } from "@/lib/validation";
import { resetDatabase } from "../support/database";
import { makeLibrarian, makePatron, makeTitle } from "../support/fixtures";

const T0 = new Date("2026-03-02T10:00:00Z");

beforeEach(async () => {
  await resetDatabase();
  setClock(T0);
});

async function adultId() {
  return (await db.patronCategory.findUniqueOrThrow({ where: { code: "ADULT" } })).id;
}

/** The desk form as the librarian fills it in. */
async function walkIn(fields: Record<string, string>) {
  return parseInput(deskRegisterSchema, { name: "Wendy Walk-in", email: "", phone: "", cardNumber: "", categoryId: String(await adultId()), ...fields });
}

describe("registering a walk-in at the desk", () => {
  it("issues a card valid for the category, with no password, audits it, and the patron can borrow at once", async () => {
    const [librarian, book] = await Promise.all([makeLibrarian(), makeTitle()]);
    const patron = await registerAtDesk({ input: await walkIn({ phone: "01234 567890" }), actorId: librarian.id });
    expect(isValidCardNumber(patron.cardNumber)).toBe(true);

    const stored = await db.user.findUniqueOrThrow({ where: { id: patron.id }, include: { category: true } });
    expect(stored).toMatchObject({ name: "Wendy Walk-in", email: null, phone: "01234 567890", role: "PATRON", passwordHash: IMPORTED_PASSWORD_HASH, category: { code: "ADULT" } });
    // Adult cards run 3 years (the demo policy) to the end of the library day.
    expect(stored.expiresAt!.getTime()).toBeGreaterThan(T0.getTime() + 3 * 364 * 86_400_000);
    const audit = await patronAudit(patron.id);
    expect(audit.map((e) => [e.action, e.actorId])).toEqual([["patron.register", librarian.id]]);

    const loan = await checkOutCopy({ patronId: patron.id, barcode: book.copies[0].barcode, actorId: librarian.id });
    expect(loan.patron.id).toBe(patron.id);
    // No password until staff give a temporary one.
    expect(await authenticate({ identifier: patron.cardNumber, password: IMPORTED_PASSWORD_HASH, address: "test" })).toEqual({ kind: "invalid" });
    const { temporaryPassword } = await resetPassword({ patronId: patron.id, actorId: librarian.id });
    expect(await authenticate({ identifier: patron.cardNumber, password: temporaryPassword, address: "test" })).toMatchObject({ kind: "ok" });
    expect((await findPatrons("Wendy"))[0]).toMatchObject({ id: patron.id, email: null, phone: "01234 567890" });
  });

  it("takes the scanned card normalised, and refuses a card or email another account holds", async () => {
    const [librarian, known] = await Promise.all([makeLibrarian(), makePatron()]);
    const scanned = await registerAtDesk({ input: await walkIn({ email: "Wendy@Example.org", cardNumber: "  card-0042 " }), actorId: librarian.id });
    expect(scanned.cardNumber).toBe("CARD-0042");
    expect((await db.user.findUniqueOrThrow({ where: { id: scanned.id } })).email).toBe("wendy@example.org");

    const before = await db.user.count();
    await expect(registerAtDesk({ input: await walkIn({ phone: "555", cardNumber: "Card-0042" }), actorId: librarian.id })).rejects.toMatchObject({
      code: "CONFLICT",
      fields: { cardNumber: "This card number belongs to another patron." },
    });
    await expect(registerAtDesk({ input: await walkIn({ email: known.email.toUpperCase() }), actorId: librarian.id })).rejects.toMatchObject({
      code: "CONFLICT",
      fields: { email: "Another account already uses this email." },
    });
    expect(await db.user.count()).toBe(before);
    expect(await db.auditEntry.count({ where: { action: "patron.register" } })).toBe(1);
  });

  it("needs an email or a phone number, and staff to do it", async () => {
    const patron = await makePatron();
    expect(() => parseInput(deskRegisterSchema, { name: "Nobody", email: "", phone: "", cardNumber: "", categoryId: "1" })).toThrow(
      expect.objectContaining({ fields: expect.objectContaining({ email: "Enter an email or a phone number." }) }),
    );
    await expect(registerAtDesk({ input: await walkIn({ phone: "555" }), actorId: patron.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses a scanned card number that could never be used to sign in or printed as a barcode", async () => {
    for (const cardNumber of ["a@b.example", "CARD–Ü1", "X1"]) {
      await expect(walkIn({ phone: "555 0101", cardNumber })).rejects.toMatchObject({ fields: { cardNumber: "A card number is 4 to 32 letters, digits or dashes." } });
    }
  });

  it("keeps a phone-only patron reachable: their own profile cannot drop the phone", async () => {
    const librarian = await makeLibrarian();
    const { id } = await registerAtDesk({ input: await walkIn({ phone: "555 0102" }), actorId: librarian.id });
    await expect(updateProfile({ patronId: id, input: parseInput(profileSchema, { name: "Wendy Walk-in", phone: "", address: "" }) })).rejects.toMatchObject({
      fields: { phone: "Keep a phone number: the library has no email address for you." },
    });
    expect(await db.user.findUniqueOrThrow({ where: { id } })).toMatchObject({ phone: "555 0102" });
  });
});

describe("the desk's check-out and payment", () => {
  it("says to whom a copy is lent, warns of a second copy of a title on loan, and keeps the payment method", async () => {
    const [librarian, a, b, book] = await Promise.all([makeLibrarian(), makePatron(), makePatron(), makeTitle({ copies: 3 })]);
    const [first, second, third] = book.copies.map((c) => c.barcode);
    expect((await checkOutCopy({ patronId: a.id, barcode: first, actorId: librarian.id })).sameTitleOnLoan).toEqual([]);
    await expect(checkOutCopy({ patronId: b.id, barcode: first, actorId: librarian.id })).rejects.toMatchObject({
      reason: "COPY_ON_LOAN",
      message: expect.stringMatching(new RegExp(`^This copy is on loan to ${a.name} \\(card ${a.cardNumber}\\), due .+\\. Check it in first\\.$`)),
    });
    // A patron at a kiosk is not told who has it.
    await expect(checkOutCopy({ patronId: b.id, barcode: first, actorId: b.id, via: "SIP2, device Kiosk" })).rejects.toMatchObject({ message: "This copy is already on loan. Check it in first." });
    expect((await checkOutCopy({ patronId: a.id, barcode: second, actorId: librarian.id })).sameTitleOnLoan).toEqual([first]);
    expect((await checkOutCopy({ patronId: a.id, barcode: third, actorId: librarian.id })).sameTitleOnLoan.sort()).toEqual([first, second].sort());

    await db.fine.create({ data: { patronId: a.id, kind: "MANUAL", amountCents: 500, description: "test", createdAt: T0 } });
    const { paymentId } = await recordPayment({ patronId: a.id, amountCents: 200, kind: "PAYMENT", method: "CARD", actorId: librarian.id });
    expect(await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).toMatchObject({ method: "CARD", amountCents: 200 });
  });
});
