import { beforeEach, describe, expect, it } from "vitest";
import { addCopy } from "@/lib/catalogue/add-copy";
import { addCopySchema } from "@/lib/catalogue/schemas";
import { checkIn } from "@/lib/circulation/check-in";
import { checkOutCopy } from "@/lib/circulation/check-out";
import { barcodeSchema } from "@/lib/circulation/schemas";
import { db } from "@/lib/db";
import { findPatrons } from "@/lib/patrons/find-patrons";
import { parseInput } from "@/lib/validation";
import { resetDatabase } from "../support/database";
import { makeLibrarian, makePatron, makeTitle } from "../support/fixtures";

beforeEach(resetDatabase);

// Barcodes and card numbers are typed as often as scanned: case and stray spaces must not matter.
describe("barcodes and card numbers regardless of case and spaces", () => {
  it('finds copy C025017 at the desk when "c025017" is typed, to check out and in', async () => {
    const [patron, librarian, book] = await Promise.all([makePatron(), makeLibrarian(), makeTitle()]);
    await db.copy.update({ where: { id: book.copies[0].id }, data: { barcode: "C025017" } });
    const typed = parseInput(barcodeSchema, { barcode: " c025017 " }).barcode;
    const loan = await checkOutCopy({ patronId: patron.id, barcode: typed, actorId: librarian.id });
    expect(loan.copy.barcode).toBe("C025017");
    const back = await checkIn({ barcode: "c025017", actorId: librarian.id });
    expect(back.copy.barcode).toBe("C025017");
  });

  it('refuses a new copy "qa-0001" when "QA-0001" exists, and stores a new one upper case', async () => {
    const [librarian, book] = await Promise.all([makeLibrarian(), makeTitle()]);
    await addCopy({ input: parseInput(addCopySchema, { titleId: String(book.id), barcode: "QA-0001", shelfLocation: "" }), actorId: librarian.id });
    await expect(addCopy({ input: parseInput(addCopySchema, { titleId: String(book.id), barcode: " qa-0001 ", shelfLocation: "" }), actorId: librarian.id })).rejects.toMatchObject({
      reason: "DUPLICATE_BARCODE",
    });
    expect((await addCopy({ input: parseInput(addCopySchema, { titleId: String(book.id), barcode: "qa-0002", shelfLocation: "" }), actorId: librarian.id })).barcode).toBe("QA-0002");
    expect(await db.copy.count({ where: { titleId: book.id } })).toBe(3);
  });

  it("finds a patron at the desk by a card number typed in lower case with spaces", async () => {
    const patron = await makePatron();
    const found = await findPatrons(` ${patron.cardNumber.toLowerCase()} `);
    expect(found.map((p) => p.id)).toEqual([patron.id]);
  });
});
