import { beforeEach, expect, it } from "vitest";
import { addCopy } from "@/lib/catalogue/add-copy";
import { CSV_COLUMNS } from "@/lib/catalogue/catalogue-csv";
import { importCatalogue } from "@/lib/catalogue/import-catalogue";
import { withdrawCopy } from "@/lib/catalogue/withdraw-copy";
import { withdrawTitle } from "@/lib/catalogue/withdraw-title";
import { checkIn } from "@/lib/circulation/check-in";
import { checkOutCopy } from "@/lib/circulation/check-out";
import { db } from "@/lib/db";
import { isDomainError } from "@/lib/errors";
import { placeHold } from "@/lib/holds/place-hold";
import { resetDatabase } from "../support/database";
import { makeLibrarian, makePatrons, makeTitle } from "../support/fixtures";

beforeEach(resetDatabase);

// Each race runs many pairs at once, so that on PostgreSQL some pair interleaves the two
// transactions' reads and writes; every pair must end in a state the rules allow.
const PAIRS = 25;

/** Runs both calls at once; says which succeeded. Anything but a DomainError fails the test. */
async function pair(a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<[boolean, boolean]> {
  const settled = await Promise.allSettled([a(), b()]);
  for (const s of settled) if (s.status === "rejected" && !isDomainError(s.reason)) throw s.reason;
  return [settled[0].status === "fulfilled", settled[1].status === "fulfilled"];
}

/** Every withdrawn title: no copy of it can be lent or is waited for, and no patron waits for it. */
async function expectWithdrawnTitlesClosed() {
  expect(await db.copy.count({ where: { status: { not: "WITHDRAWN" }, title: { withdrawnAt: { not: null } } } })).toBe(0);
  expect(await db.hold.count({ where: { status: { in: ["WAITING", "IN_PROCESS", "READY"] }, title: { withdrawnAt: { not: null } } } })).toBe(0);
}

it("never puts a copy withdrawn during its check-in back on the shelf", async () => {
  const librarian = await makeLibrarian();
  const books = await Promise.all(Array.from({ length: PAIRS }, () => makeTitle()));
  const outcomes = await Promise.all(
    books.map((book) =>
      pair(
        () => checkIn({ barcode: book.copies[0].barcode, actorId: librarian.id }),
        () => withdrawCopy({ copyId: book.copies[0].id, actorId: librarian.id }),
      ),
    ),
  );
  const copies = await db.copy.findMany({ where: { id: { in: books.map((b) => b.copies[0].id) } }, orderBy: { id: "asc" } });
  books.forEach((book, i) => {
    const [, withdrawn] = outcomes[i];
    const copy = copies.find((c) => c.id === book.copies[0].id)!;
    // A withdrawal that succeeded sticks, whatever the check-in did.
    expect(copy.status).toBe(withdrawn ? "WITHDRAWN" : "AVAILABLE");
  });
  expect(await db.auditEntry.count({ where: { action: "copy.withdraw" } })).toBe(outcomes.filter(([, w]) => w).length);
});

it("leaves no hold waiting for a title withdrawn while it was placed", async () => {
  const librarian = await makeLibrarian();
  const [patrons, books] = await Promise.all([makePatrons(PAIRS), Promise.all(Array.from({ length: PAIRS }, () => makeTitle({ copies: 0 })))]);
  const outcomes = await Promise.all(
    books.map((book, i) =>
      pair(
        () => placeHold({ patronId: patrons[i].id, titleId: book.id }),
        () => withdrawTitle({ titleId: book.id, actorId: librarian.id }),
      ),
    ),
  );
  // Both may not succeed: a hold on a withdrawn title is one nobody will ever serve.
  for (const [held, withdrawn] of outcomes) expect(held && withdrawn).toBe(false);
  await expectWithdrawnTitlesClosed();
});

it("gives a title withdrawn while a copy was added no lendable copy", async () => {
  const librarian = await makeLibrarian();
  const books = await Promise.all(Array.from({ length: PAIRS }, () => makeTitle({ copies: 1 })));
  await Promise.all(
    books.map((book) =>
      pair(
        () => addCopy({ input: { titleId: book.id, barcode: null, shelfLocation: "A1" }, actorId: librarian.id }),
        () => withdrawTitle({ titleId: book.id, actorId: librarian.id }),
      ),
    ),
  );
  await expectWithdrawnTitlesClosed();
});

it("gives a title withdrawn during a catalogue import no lendable copy", async () => {
  const librarian = await makeLibrarian();
  const isbns = Array.from({ length: PAIRS }, (_, i) => isbn13(`97800000${String(i).padStart(4, "0")}`));
  const books = await Promise.all(isbns.map((isbn) => makeTitle({ copies: 1 }).then((b) => db.title.update({ where: { id: b.id }, data: { isbn13: isbn } }))));
  const csv = [CSV_COLUMNS.join(","), ...books.map((b) => `${b.title},,Test Author,${b.isbn13},,,,,,,3,A1`)].join("\n");
  const settled = await Promise.allSettled([
    importCatalogue({ csv, actorId: librarian.id }),
    ...books.map((b) => withdrawTitle({ titleId: b.id, actorId: librarian.id })),
  ]);
  for (const s of settled) if (s.status === "rejected" && !isDomainError(s.reason)) throw s.reason;
  await expectWithdrawnTitlesClosed();
});

it("either lends a copy or withdraws its title, never both, when the two race", async () => {
  const librarian = await makeLibrarian();
  const [patrons, books] = await Promise.all([makePatrons(PAIRS), Promise.all(Array.from({ length: PAIRS }, () => makeTitle()))]);
  const outcomes = await Promise.all(
    books.map((book, i) =>
      pair(
        () => checkOutCopy({ patronId: patrons[i].id, barcode: book.copies[0].barcode, actorId: librarian.id }),
        () => withdrawTitle({ titleId: book.id, actorId: librarian.id }),
      ),
    ),
  );
  for (const [lent, withdrawn] of outcomes) expect(lent !== withdrawn).toBe(true);
  await expectWithdrawnTitlesClosed();
});

it("refuses an import that would add copies to a withdrawn title, naming the row", async () => {
  const librarian = await makeLibrarian();
  const book = await makeTitle({ copies: 1 });
  await db.title.update({ where: { id: book.id }, data: { isbn13: "9780441172719" } });
  await withdrawTitle({ titleId: book.id, actorId: librarian.id });
  const csv = [CSV_COLUMNS.join(","), `${book.title},,Test Author,9780441172719,,,,,,,2,A1`].join("\n");
  await expect(importCatalogue({ csv, actorId: librarian.id })).rejects.toMatchObject({ reason: "BAD_ROWS", message: expect.stringContaining("withdrawn") });
  expect(await db.copy.count({ where: { titleId: book.id, status: { not: "WITHDRAWN" } } })).toBe(0);
});

/** The ISBN-13 of twelve digits and their check digit. */
function isbn13(twelve: string): string {
  const sum = [...twelve].reduce((s, d, i) => s + Number(d) * (i % 2 ? 3 : 1), 0);
  return `${twelve}${(10 - (sum % 10)) % 10}`;
}
