import { beforeEach, expect, it } from "vitest";
import { addCopy } from "@/lib/catalogue/add-copy";
import { createTitle } from "@/lib/catalogue/create-title";
import { titleSchema } from "@/lib/catalogue/schemas";
import { updateCopy } from "@/lib/catalogue/update-copy";
import { withdrawTitle } from "@/lib/catalogue/withdraw-title";
import { markLost } from "@/lib/circulation/mark-lost";
import { db } from "@/lib/db";
import { placeHold } from "@/lib/holds/place-hold";
import { parseInput } from "@/lib/validation";
import { resetDatabase } from "../support/database";
import { makeLibrarian, makePatron, makeTitle } from "../support/fixtures";

beforeEach(resetDatabase);

it("sets a repaired copy aside for the patron waiting for its title", async () => {
  const [librarian, patron, book] = await Promise.all([makeLibrarian(), makePatron(), makeTitle()]);
  const copy = book.copies[0];
  await updateCopy({ input: { copyId: copy.id, shelfLocation: "A1", notes: "spine split", status: "DAMAGED" }, actorId: librarian.id });
  const hold = await placeHold({ patronId: patron.id, titleId: book.id });
  expect(hold.status).toBe("WAITING");

  await updateCopy({ input: { copyId: copy.id, shelfLocation: "A1", notes: "repaired", status: "AVAILABLE" }, actorId: librarian.id });
  expect(await db.hold.findUniqueOrThrow({ where: { id: hold.holdId } })).toMatchObject({ status: "IN_PROCESS", copyId: copy.id });
  expect(await db.copy.findUniqueOrThrow({ where: { id: copy.id } })).toMatchObject({ status: "ON_HOLD_SHELF", notes: "repaired" });
});

it("gives a hold whose set-aside copy is lost another copy from the shelf", async () => {
  const [librarian, patron, book] = await Promise.all([makeLibrarian(), makePatron(), makeTitle({ copies: 2 })]);
  const hold = await placeHold({ patronId: patron.id, titleId: book.id });
  const setAside = (await db.hold.findUniqueOrThrow({ where: { id: hold.holdId } })).copyId!;
  const other = book.copies.find((c) => c.id !== setAside)!;

  await markLost({ barcode: book.copies.find((c) => c.id === setAside)!.barcode, actorId: librarian.id });
  expect(await db.hold.findUniqueOrThrow({ where: { id: hold.holdId } })).toMatchObject({ status: "IN_PROCESS", copyId: other.id });
  expect(await db.copy.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ status: "ON_HOLD_SHELF" });
});

it("keeps the copies of a withdrawn title withdrawn", async () => {
  const [librarian, book] = await Promise.all([makeLibrarian(), makeTitle()]);
  await withdrawTitle({ titleId: book.id, actorId: librarian.id });
  await expect(updateCopy({ input: { copyId: book.copies[0].id, shelfLocation: "A1", notes: null, status: "AVAILABLE" }, actorId: librarian.id })).rejects.toMatchObject({
    reason: "TITLE_WITHDRAWN",
  });
  expect(await db.copy.findUniqueOrThrow({ where: { id: book.copies[0].id } })).toMatchObject({ status: "WITHDRAWN" });
});

it("tells the second of two librarians scanning the same new barcode at once that it is taken", async () => {
  const [librarian, book] = await Promise.all([makeLibrarian(), makeTitle()]);
  const settled = await Promise.allSettled(
    Array.from({ length: 6 }, () => addCopy({ input: { titleId: book.id, barcode: "NEW-0001", shelfLocation: "A1" }, actorId: librarian.id })),
  );
  expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(1);
  for (const s of settled.filter((s) => s.status === "rejected")) {
    expect((s as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT", fields: { barcode: expect.stringContaining("Already on") } });
  }
});

it("tells the second of two librarians cataloguing the same ISBN at once where it already is", async () => {
  const librarian = await makeLibrarian();
  const input = parseInput(titleSchema, { title: "Dune", authors: "Frank Herbert", isbn: "9780441172719" });
  const settled = await Promise.allSettled(Array.from({ length: 6 }, () => createTitle({ input, actorId: librarian.id })));
  expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(1);
  for (const s of settled.filter((s) => s.status === "rejected")) {
    expect((s as PromiseRejectedResult).reason).toMatchObject({ reason: "DUPLICATE_ISBN", fields: { isbn: "Already catalogued as “Dune”." } });
  }
});
