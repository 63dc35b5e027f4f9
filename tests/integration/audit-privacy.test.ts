import { beforeEach, expect, it } from "vitest";
import { checkIn } from "@/lib/circulation/check-in";
import { borrowTitle, checkOutCopy } from "@/lib/circulation/check-out";
import { renewLoan } from "@/lib/circulation/renew-loan";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { cancelHold } from "@/lib/holds/cancel-hold";
import { placeHold } from "@/lib/holds/place-hold";
import { setKeepHistory } from "@/lib/patrons/set-keep-history";
import { auditFilterSchema, listAudit } from "@/lib/audit/list-audit";
import { resetDatabase } from "../support/database";
import { days, makeLibrarian, makePatron, makeTitle } from "../support/fixtures";

beforeEach(resetDatabase);

const T0 = new Date("2026-03-02T10:00:00Z");

/** Every audit entry that names the patron as actor or in its details (their reading, if circulation). */
async function entriesNaming(patronId: number) {
  const entries = await db.auditEntry.findMany({ orderBy: { id: "asc" } });
  return entries.filter((e) => e.actorId === patronId || (e.details && (JSON.parse(e.details) as { patronId?: number }).patronId === patronId));
}

it("names the loan or hold in circulation entries, never the patron beside the book", async () => {
  setClock(T0);
  const [patron, librarian, book, wanted] = await Promise.all([makePatron(), makeLibrarian(), makeTitle({ title: "The Bell Jar" }), makeTitle({ copies: 0 })]);
  const loan = await checkOutCopy({ patronId: patron.id, barcode: book.copies[0].barcode, actorId: librarian.id });
  await placeHold({ patronId: patron.id, titleId: wanted.id, actorId: librarian.id });
  setClock(new Date(T0.getTime() + days(30)));
  await checkIn({ barcode: book.copies[0].barcode, actorId: librarian.id });

  expect(await entriesNaming(patron.id)).toEqual([]);
  const charge = await db.auditEntry.findFirstOrThrow({ where: { action: "fine.charge" } });
  expect(charge).toMatchObject({ entityType: "Loan", entityId: String(loan.loanId) });
  for (const entry of await db.auditEntry.findMany()) expect(entry.details ?? "").not.toContain("The Bell Jar");
});

it("unlinks a patron's past circulation entries when they stop keeping history, and names them in none after", async () => {
  setClock(T0);
  // The patron returns from home, as an honour-system library allows.
  await db.librarySettings.upsert({ where: { id: 1 }, create: { id: 1, selfServiceReturn: true }, update: { selfServiceReturn: true } });
  const [patron, book, wanted] = await Promise.all([makePatron(), makeTitle(), makeTitle({ copies: 0 })]);
  const loan = await borrowTitle({ patronId: patron.id, titleId: book.id });
  setClock(new Date(T0.getTime() + days(3)));
  await renewLoan({ loanId: loan.loanId, actorId: patron.id, patronId: patron.id });
  const hold = await placeHold({ patronId: patron.id, titleId: wanted.id });
  await cancelHold({ holdId: hold.holdId, actorId: patron.id, patronId: patron.id });
  await checkIn({ barcode: book.copies[0].barcode, actorId: patron.id, patronId: patron.id });
  // An entry written before entries named only the loan.
  await db.auditEntry.create({ data: { actorId: null, action: "loan.checkout", entityType: "Loan", entityId: "1", details: JSON.stringify({ via: "desk", patronId: patron.id }), createdAt: T0 } });
  expect((await entriesNaming(patron.id)).length).toBeGreaterThanOrEqual(6);

  await setKeepHistory({ patronId: patron.id, keep: false });
  expect((await entriesNaming(patron.id)).map((e) => e.action)).toEqual(["patron.history_off"]);
  expect(await db.loan.findUniqueOrThrow({ where: { id: loan.loanId } })).toMatchObject({ patronId: null });
  // The entries stay, without the patron: the library still knows the copy went out and came back.
  expect(await db.auditEntry.count({ where: { action: { in: ["loan.checkout", "loan.renew", "loan.checkin", "hold.place", "hold.cancel"] } } })).toBe(6);

  const again = await borrowTitle({ patronId: patron.id, titleId: book.id });
  await checkIn({ barcode: book.copies[0].barcode, actorId: patron.id, patronId: patron.id });
  expect((await entriesNaming(patron.id)).map((e) => e.action)).toEqual(["patron.history_off"]);
  expect(await db.loan.findUniqueOrThrow({ where: { id: again.loanId } })).toMatchObject({ patronId: null });
});

it("the audit log names the patron of a loan or hold through the record, unless they keep no history", async () => {
  setClock(T0);
  const [reader, private_, librarian, book, wanted] = await Promise.all([makePatron(), makePatron(), makeLibrarian(), makeTitle({ title: "The Hobbit" }), makeTitle({ copies: 0 })]);
  await setKeepHistory({ patronId: private_.id, keep: false });
  const loan = await checkOutCopy({ patronId: reader.id, barcode: book.copies[0].barcode, actorId: librarian.id });
  const hold = await placeHold({ patronId: private_.id, titleId: wanted.id, actorId: librarian.id });

  const { refs } = await listAudit(auditFilterSchema.parse({}));
  expect(refs.loans.get(loan.loanId)).toMatchObject({ copy: { barcode: book.copies[0].barcode, title: { id: book.id, title: "The Hobbit" } }, patron: { id: reader.id } });
  expect(refs.holds.get(hold.holdId)).toMatchObject({ title: { id: wanted.id }, patron: null });
  expect(refs.people.get(private_.id)).toMatchObject({ id: private_.id });
});
