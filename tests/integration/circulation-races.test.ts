import { beforeEach, expect, it } from "vitest";
import { checkIn } from "@/lib/circulation/check-in";
import { borrowTitle, checkOutCopy } from "@/lib/circulation/check-out";
import { db } from "@/lib/db";
import { isDomainError } from "@/lib/errors";
import { recordPayment } from "@/lib/fines/record-payment";
import { resetDatabase } from "../support/database";
import { makeLibrarian, makePatron, makePatrons, makeTitle } from "../support/fixtures";

beforeEach(resetDatabase);

/** Runs every call at once; returns what succeeded and the refusals. Any other error fails the test. */
async function race<T>(calls: (() => Promise<T>)[]) {
  const settled = await Promise.allSettled(calls.map((call) => call()));
  const ok = settled.filter((s): s is PromiseFulfilledResult<Awaited<T>> => s.status === "fulfilled").map((s) => s.value);
  const errors = settled.filter((s): s is PromiseRejectedResult => s.status === "rejected").map((s) => s.reason);
  for (const error of errors) if (!isDomainError(error)) throw error;
  return { ok, refusals: errors.map((e) => (isDomainError(e) ? e.reason : undefined)) };
}

it("lends the last copy once when 50 patrons race for it", async () => {
  const [patrons, book] = await Promise.all([makePatrons(50), makeTitle({ copies: 1 })]);
  const { ok, refusals } = await race(patrons.map((p) => () => borrowTitle({ patronId: p.id, titleId: book.id })));
  expect(ok).toHaveLength(1);
  expect(refusals).toHaveLength(49);
  expect(new Set(refusals)).toEqual(new Set(["NO_COPY_AVAILABLE"]));
  expect(await db.loan.count({ where: { returnedAt: null } })).toBe(1);
});

it("keeps a patron racing 20 checkouts to the loan limit of 5", async () => {
  const [patron, librarian, book] = await Promise.all([makePatron(), makeLibrarian(), makeTitle({ copies: 20 })]);
  const { ok, refusals } = await race(book.copies.map((c) => () => checkOutCopy({ patronId: patron.id, barcode: c.barcode, actorId: librarian.id })));
  expect(ok).toHaveLength(5);
  expect(refusals.every((r) => r === "LOAN_LIMIT")).toBe(true);
  expect(await db.loan.count({ where: { patronId: patron.id, returnedAt: null } })).toBe(5);
  expect(await db.copy.count({ where: { status: "ON_LOAN" } })).toBe(5);
});

it("lends once on a double click", async () => {
  const [patron, book] = await Promise.all([makePatron(), makeTitle({ copies: 3 })]);
  const { ok, refusals } = await race(Array.from({ length: 4 }, () => () => borrowTitle({ patronId: patron.id, titleId: book.id })));
  expect(ok).toHaveLength(1);
  expect(refusals.every((r) => r === "ALREADY_ON_LOAN")).toBe(true);
});

it("closes a loan and charges its fine once when the copy is scanned twice at once", async () => {
  const [patron, librarian, book] = await Promise.all([makePatron(), makeLibrarian(), makeTitle()]);
  const loan = await checkOutCopy({ patronId: patron.id, barcode: book.copies[0].barcode, actorId: librarian.id });
  await db.loan.update({ where: { id: loan.loanId }, data: { dueAt: new Date(Date.now() - 10 * 86_400_000) } });
  const { ok } = await race([1, 2, 3].map(() => () => checkIn({ barcode: book.copies[0].barcode, actorId: librarian.id })));
  expect(ok.filter((r) => r.loan !== null)).toHaveLength(1);
  expect(await db.fine.count()).toBe(1);
});

it("never takes more than is owed from concurrent payments", async () => {
  const [patron, librarian] = await Promise.all([makePatron(), makeLibrarian()]);
  await db.fine.create({ data: { patronId: patron.id, kind: "MANUAL", amountCents: 500, description: "test", createdAt: new Date() } });
  await race(Array.from({ length: 5 }, () => () => recordPayment({ patronId: patron.id, amountCents: 200, kind: "PAYMENT", actorId: librarian.id })));
  const paid = await db.payment.aggregate({ _sum: { amountCents: true } });
  expect(paid._sum.amountCents).toBe(400);
  expect((await db.fine.findFirstOrThrow()).paidCents).toBe(400);
});
