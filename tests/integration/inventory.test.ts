import { beforeEach, describe, expect, it } from "vitest";
import { addCopy } from "@/lib/catalogue/add-copy";
import { createTitle } from "@/lib/catalogue/create-title";
import { deleteCopy } from "@/lib/catalogue/delete-copy";
import { deleteTitle } from "@/lib/catalogue/delete-title";
import { parseInventoryParams } from "@/lib/catalogue/inventory-options";
import { listInventory } from "@/lib/catalogue/list-inventory";
import { addCopySchema, titleSchema, updateCopySchema } from "@/lib/catalogue/schemas";
import { updateCopy } from "@/lib/catalogue/update-copy";
import { restoreTitle } from "@/lib/catalogue/restore-title";
import { updateTitle } from "@/lib/catalogue/update-title";
import { withdrawCopy } from "@/lib/catalogue/withdraw-copy";
import { withdrawTitle } from "@/lib/catalogue/withdraw-title";
import { checkOutCopy } from "@/lib/circulation/check-out";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/validation";
import { makeUser, resetDatabase } from "../support/database";

beforeEach(resetDatabase);

const form = (values: Record<string, string>) => parseInput(titleSchema, { title: "", ...values });

async function staff() {
  return makeUser({ role: "LIBRARIAN", categoryCode: "STAFF" });
}

async function titleWithCopies(actorId: number, copies: number, values: Record<string, string> = {}) {
  const { id } = await createTitle({ input: form({ title: "The Left Hand of Darkness", authors: "Ursula K. Le Guin", ...values }), actorId });
  const barcodes = [];
  for (let i = 0; i < copies; i++) barcodes.push((await addCopy({ input: parseInput(addCopySchema, { titleId: id, shelfLocation: "SF" }), actorId })).barcode);
  return { id, barcodes };
}

describe("catalogue writes", () => {
  it("creates and edits a title with ordered authors, genres and the denormalised columns", async () => {
    const librarian = await staff();
    const { id } = await createTitle({
      input: form({ title: "The Colour of Magic", authors: "Terry Pratchett\nNeil Gaiman", genres: "Fantasy, Humour", isbn: "978-0-06-222567-2", year: "1983", language: "EN" }),
      actorId: librarian.id,
    });
    let title = await db.title.findUniqueOrThrow({ where: { id }, include: { authors: { orderBy: { position: "asc" }, include: { author: true } } } });
    expect(title.authors.map((a) => a.author.name)).toEqual(["Terry Pratchett", "Neil Gaiman"]);
    expect(title).toMatchObject({ sortTitle: "colour of magic", authorNames: "Terry Pratchett, Neil Gaiman", genreNames: "Fantasy, Humour", language: "en", isbn13: "9780062225672" });

    // Authors swapped and a genre typed in another case: the existing genre is reused.
    await updateTitle({ titleId: id, input: form({ title: "A Colour of Magic", authors: "Neil Gaiman, Terry Pratchett", genres: "humour" }), actorId: librarian.id });
    title = await db.title.findUniqueOrThrow({ where: { id }, include: { authors: { orderBy: { position: "asc" }, include: { author: true } } } });
    expect(title.authors.map((a) => a.author.name)).toEqual(["Neil Gaiman", "Terry Pratchett"]);
    expect(title).toMatchObject({ sortTitle: "colour of magic", authorNames: "Neil Gaiman, Terry Pratchett", genreNames: "Humour", isbn13: null });
    expect(await db.genre.count({ where: { slug: "humour" } })).toBe(1);
    expect(await db.auditEntry.count({ where: { entityType: "Title", entityId: String(id) } })).toBe(2);
  });

  it("converts an ISBN-10 and refuses a bad check digit by field", () => {
    expect(form({ title: "Dune", isbn: "0-441-17271-7" }).isbn).toBe("9780441172719");
    expect(() => form({ title: "Dune", isbn: "0-441-17271-8" })).toThrow(expect.objectContaining({ fields: expect.objectContaining({ isbn: expect.any(String) }) }));
    expect(() => form({ title: "", year: "3000", pages: "-1", language: "english" })).toThrow(
      expect.objectContaining({ fields: expect.objectContaining({ title: expect.any(String), year: expect.any(String), pages: expect.any(String), language: expect.any(String) }) }),
    );
  });

  it("refuses a duplicate ISBN, naming and linking the title that has it", async () => {
    const librarian = await staff();
    const { id } = await createTitle({ input: form({ title: "Dune", isbn: "9780441172719" }), actorId: librarian.id });
    const error = { code: "CONFLICT", fields: { isbn: expect.stringContaining("Dune"), isbnTitleId: String(id) } };
    await expect(createTitle({ input: form({ title: "Dune again", isbn: "0441172717" }), actorId: librarian.id })).rejects.toMatchObject(error);
    const other = await createTitle({ input: form({ title: "Other" }), actorId: librarian.id });
    await expect(updateTitle({ titleId: other.id, input: form({ title: "Other", isbn: "0441172717" }), actorId: librarian.id })).rejects.toMatchObject(error);
    expect(await db.title.count()).toBe(2);
  });

  it("generates the next C barcode and refuses a scanned one already in use", async () => {
    const librarian = await staff();
    const { id, barcodes } = await titleWithCopies(librarian.id, 2);
    expect(barcodes).toEqual(["C000001", "C000002"]);
    await addCopy({ input: parseInput(addCopySchema, { titleId: id, barcode: "C000041", shelfLocation: "" }), actorId: librarian.id });
    expect((await addCopy({ input: parseInput(addCopySchema, { titleId: id, shelfLocation: "" }), actorId: librarian.id })).barcode).toBe("C000042");
    await expect(addCopy({ input: parseInput(addCopySchema, { titleId: id, barcode: "C000041", shelfLocation: "" }), actorId: librarian.id })).rejects.toMatchObject({
      fields: { barcode: expect.stringContaining("Left Hand") },
    });
  });

  it("deletes a copy without history, and refuses one that was lent, offering to withdraw", async () => {
    const librarian = await staff();
    const patron = await makeUser();
    const { id, barcodes } = await titleWithCopies(librarian.id, 2);
    const [lent, fresh] = await db.copy.findMany({ where: { titleId: id }, orderBy: { barcode: "asc" } });
    await checkOutCopy({ patronId: patron.id, barcode: barcodes[0], actorId: librarian.id });

    await deleteCopy({ copyId: fresh.id, actorId: librarian.id });
    expect(await db.copy.count({ where: { id: fresh.id } })).toBe(0);
    await expect(deleteCopy({ copyId: lent.id, actorId: librarian.id })).rejects.toMatchObject({ reason: "HAS_HISTORY", message: expect.stringContaining("Withdraw it instead") });
    await expect(deleteTitle({ titleId: id, actorId: librarian.id })).rejects.toMatchObject({ reason: "HAS_HISTORY" });
    expect(await db.title.count({ where: { id } })).toBe(1);
  });

  it("deletes a title that was never lent, with its copies", async () => {
    const librarian = await staff();
    const { id } = await titleWithCopies(librarian.id, 2);
    await deleteTitle({ titleId: id, actorId: librarian.id });
    expect(await db.title.count()).toBe(0);
    expect(await db.copy.count()).toBe(0);
  });

  it("refuses to withdraw or re-status a copy on loan, naming the borrower", async () => {
    const librarian = await staff();
    const patron = await makeUser({ name: "Ada Lovelace" });
    const { id, barcodes } = await titleWithCopies(librarian.id, 2);
    await checkOutCopy({ patronId: patron.id, barcode: barcodes[0], actorId: librarian.id });
    const lent = await db.copy.findUniqueOrThrow({ where: { barcode: barcodes[0] } });

    await expect(withdrawCopy({ copyId: lent.id, actorId: librarian.id })).rejects.toMatchObject({
      reason: "COPY_ON_LOAN",
      message: expect.stringMatching(/on loan to Ada Lovelace.*check it in first/),
    });
    await expect(updateCopy({ input: parseInput(updateCopySchema, { copyId: lent.id, shelfLocation: "X", status: "DAMAGED" }), actorId: librarian.id })).rejects.toMatchObject({ reason: "COPY_ON_LOAN" });
    await expect(withdrawTitle({ titleId: id, actorId: librarian.id })).rejects.toMatchObject({ reason: "COPIES_OUT" });
    // The refused title withdrawal changed nothing: the other copy is still on the shelf.
    expect(await db.copy.findUniqueOrThrow({ where: { barcode: barcodes[1] } })).toMatchObject({ status: "AVAILABLE" });
    expect(await db.title.findUniqueOrThrow({ where: { id } })).toMatchObject({ withdrawnAt: null });

    const other = await db.copy.findUniqueOrThrow({ where: { barcode: barcodes[1] } });
    await updateCopy({ input: parseInput(updateCopySchema, { copyId: other.id, shelfLocation: "Repairs", notes: "Torn spine", status: "DAMAGED" }), actorId: librarian.id });
    await withdrawCopy({ copyId: other.id, actorId: librarian.id });
    expect(await db.copy.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ status: "WITHDRAWN", shelfLocation: "Repairs", notes: "Torn spine" });
  });

  it("withdraws a title with all its copies", async () => {
    const librarian = await staff();
    const { id } = await titleWithCopies(librarian.id, 3);
    expect(await withdrawTitle({ titleId: id, actorId: librarian.id })).toEqual({ copies: 3 });
    expect(await db.copy.count({ where: { titleId: id, status: "WITHDRAWN" } })).toBe(3);
    expect((await db.title.findUniqueOrThrow({ where: { id } })).withdrawnAt).not.toBeNull();
  });

  it("restores a withdrawn title, audited, its copies staying withdrawn until put back one by one", async () => {
    const librarian = await staff();
    const { id } = await titleWithCopies(librarian.id, 2);
    await withdrawTitle({ titleId: id, actorId: librarian.id });
    expect(await restoreTitle({ titleId: id, actorId: librarian.id })).toEqual({ copiesWithdrawn: 2 });
    expect((await db.title.findUniqueOrThrow({ where: { id } })).withdrawnAt).toBeNull();
    expect(await db.copy.count({ where: { titleId: id, status: "WITHDRAWN" } })).toBe(2);
    expect(await db.auditEntry.findFirst({ where: { action: "title.restore", entityId: String(id) } })).toMatchObject({ actorId: librarian.id });
    await expect(restoreTitle({ titleId: id, actorId: librarian.id })).rejects.toMatchObject({ reason: "TITLE_NOT_WITHDRAWN" });

    const [copy] = await db.copy.findMany({ where: { titleId: id }, orderBy: { id: "asc" } });
    await updateCopy({ input: parseInput(updateCopySchema, { copyId: copy.id, shelfLocation: "SF", status: "AVAILABLE" }), actorId: librarian.id });
    expect(await db.copy.count({ where: { titleId: id, status: "AVAILABLE" } })).toBe(1);
  });

  it("lists the inventory with copy, availability and loan counts, filtered and sorted from the URL", async () => {
    const librarian = await staff();
    const patron = await makeUser();
    const dune = await titleWithCopies(librarian.id, 2, { title: "Dune", authors: "Frank Herbert", genres: "Science Fiction", isbn: "9780441172719" });
    await titleWithCopies(librarian.id, 1, { title: "Emma", authors: "Jane Austen", genres: "Classics" });
    await checkOutCopy({ patronId: patron.id, barcode: dune.barcodes[0], actorId: librarian.id });

    const all = await listInventory(parseInventoryParams({ sort: "title", dir: "desc" }));
    expect(all.rows.map((r) => r.title)).toEqual(["Emma", "Dune"]);
    expect(all.rows[1]).toMatchObject({ copies: 2, available: 1, loansLastYear: 1, authorNames: "Frank Herbert" });

    expect((await listInventory(parseInventoryParams({ q: "herbert" }))).rows.map((r) => r.title)).toEqual(["Dune"]);
    expect((await listInventory(parseInventoryParams({ q: "0-441-17271-7" }))).rows.map((r) => r.title)).toEqual(["Dune"]);
    expect((await listInventory(parseInventoryParams({ genre: "classics" }))).rows.map((r) => r.title)).toEqual(["Emma"]);
  });

  it("finds a copy's title by its barcode, scanned or typed in any case", async () => {
    const librarian = await staff();
    const dune = await titleWithCopies(librarian.id, 2, { title: "Dune", authors: "Frank Herbert" });
    await titleWithCopies(librarian.id, 1, { title: "Emma", authors: "Jane Austen" });
    for (const q of [dune.barcodes[1], ` ${dune.barcodes[1].toLowerCase()} `]) {
      expect((await listInventory(parseInventoryParams({ q }))).rows.map((r) => r.title), q).toEqual(["Dune"]);
    }
    expect((await listInventory(parseInventoryParams({ q: "QZ-999999" }))).rows).toEqual([]);
  });
});
