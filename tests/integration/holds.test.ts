import { beforeEach, describe, expect, it } from "vitest";
import { checkIn } from "@/lib/circulation/check-in";
import { borrowTitle } from "@/lib/circulation/check-out";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { isDomainError } from "@/lib/errors";
import { cancelHold } from "@/lib/holds/cancel-hold";
import { confirmOnHoldShelf } from "@/lib/holds/confirm-on-hold-shelf";
import { expireHolds } from "@/lib/holds/expire-holds";
import { patronHolds } from "@/lib/holds/patron-holds";
import { placeHold } from "@/lib/holds/place-hold";
import { staffHolds } from "@/lib/holds/staff-holds";
import { resetDatabase } from "../support/database";
import { days, makeLibrarian, makePatrons, makeTitle } from "../support/fixtures";

const T0 = new Date("2026-05-04T09:00:00Z");

beforeEach(async () => {
  await resetDatabase();
  setClock(T0);
});

const holdOf = (patronId: number) => db.hold.findFirstOrThrow({ where: { patronId }, orderBy: { id: "desc" } });
const copyStatus = async (id: number) => (await db.copy.findUniqueOrThrow({ where: { id } })).status;

/** An all-out title: its only copy on loan to a borrower. */
async function allOut() {
  const [[borrower, ...patrons], librarian, book] = await Promise.all([makePatrons(4), makeLibrarian(), makeTitle()]);
  await borrowTitle({ patronId: borrower.id, titleId: book.id });
  return { borrower, patrons, librarian, book, copy: book.copies[0] };
}

describe("placing holds", () => {
  it("sets a copy on the shelf aside at once: pull list, then the hold shelf with a pickup window", async () => {
    const [[patron], librarian, book] = await Promise.all([makePatrons(1), makeLibrarian(), makeTitle()]);
    const placed = await placeHold({ patronId: patron.id, titleId: book.id });
    expect(placed).toMatchObject({ status: "IN_PROCESS", position: 0 });
    expect(await copyStatus(book.copies[0].id)).toBe("ON_HOLD_SHELF");
    const { pickupBy } = await confirmOnHoldShelf({ holdId: placed.holdId, actorId: librarian.id });
    expect(pickupBy.toISOString()).toBe("2026-05-11T23:59:59.999Z");
    expect(await holdOf(patron.id)).toMatchObject({ status: "READY", expiresAt: pickupBy });
    expect(await db.notification.count({ where: { userId: patron.id, kind: "HOLD_READY" } })).toBe(2);
  });

  it("queues patrons in order when every copy is out", async () => {
    const { patrons, book } = await allOut();
    const positions = [];
    for (const p of patrons) positions.push((await placeHold({ patronId: p.id, titleId: book.id })).position);
    expect(positions).toEqual([1, 2, 3]);
  });

  it("refuses duplicates, a title already on loan to the patron, the hold limit, an expired card and a blocked patron", async () => {
    const { borrower, patrons, book } = await allOut();
    const [p] = patrons;
    await placeHold({ patronId: p.id, titleId: book.id });
    await expect(placeHold({ patronId: p.id, titleId: book.id })).rejects.toMatchObject({ reason: "DUPLICATE_HOLD" });
    await expect(placeHold({ patronId: borrower.id, titleId: book.id })).rejects.toMatchObject({ reason: "ON_LOAN_TO_YOU" });
    for (let i = 0; i < 4; i++) await placeHold({ patronId: p.id, titleId: (await makeTitle()).id });
    await expect(placeHold({ patronId: p.id, titleId: (await makeTitle()).id })).rejects.toMatchObject({ reason: "HOLD_LIMIT" });
    await db.user.update({ where: { id: patrons[1].id }, data: { expiresAt: new Date(T0.getTime() - days(1)) } });
    await expect(placeHold({ patronId: patrons[1].id, titleId: book.id })).rejects.toMatchObject({ reason: "ACCOUNT_EXPIRED" });
    await db.user.update({ where: { id: patrons[2].id }, data: { status: "BLOCKED", blockedReason: "Lost books not paid for" } });
    await expect(placeHold({ patronId: patrons[2].id, titleId: book.id })).rejects.toMatchObject({ reason: "ACCOUNT_BLOCKED" });
    expect(await db.hold.count({ where: { patronId: { in: [patrons[1].id, patrons[2].id] } } })).toBe(0);
  });
});

describe("cancelling and expiring pass the copy on", () => {
  it("cancelling a waiting hold changes nobody else's", async () => {
    const { patrons, book } = await allOut();
    const first = await placeHold({ patronId: patrons[0].id, titleId: book.id });
    await placeHold({ patronId: patrons[1].id, titleId: book.id });
    await cancelHold({ holdId: first.holdId, actorId: patrons[0].id, patronId: patrons[0].id });
    expect(await holdOf(patrons[0].id)).toMatchObject({ status: "CANCELLED" });
    expect(await holdOf(patrons[1].id)).toMatchObject({ status: "WAITING" });
  });

  it("cancelling an in-process hold passes the set-aside copy to the next patron's pull list, or back to the shelf", async () => {
    const [[a, b], book] = await Promise.all([makePatrons(2), makeTitle()]);
    const held = await placeHold({ patronId: a.id, titleId: book.id });
    await placeHold({ patronId: b.id, titleId: book.id });
    await cancelHold({ holdId: held.holdId, actorId: a.id, patronId: a.id });
    expect(await holdOf(b.id)).toMatchObject({ status: "IN_PROCESS", copyId: book.copies[0].id });
    await cancelHold({ holdId: (await holdOf(b.id)).id, actorId: b.id, patronId: b.id });
    expect(await copyStatus(book.copies[0].id)).toBe("AVAILABLE");
  });

  it("cancelling a ready hold passes the copy to the next in the queue, ready at once", async () => {
    const { patrons, librarian, book, copy } = await allOut();
    await placeHold({ patronId: patrons[0].id, titleId: book.id });
    await placeHold({ patronId: patrons[1].id, titleId: book.id });
    await checkIn({ barcode: copy.barcode, actorId: librarian.id });
    const ready = await holdOf(patrons[0].id);
    expect(ready.status).toBe("READY");
    await cancelHold({ holdId: ready.id, actorId: librarian.id, reason: "Copy damaged on the hold shelf" });
    expect(await holdOf(patrons[1].id)).toMatchObject({ status: "READY", copyId: copy.id });
    expect(await db.notification.count({ where: { userId: patrons[0].id, kind: "HOLD_CANCELLED" } })).toBe(2);
  });

  it("expires a ready hold after its pickup window and passes the copy on", async () => {
    const { patrons, librarian, book, copy } = await allOut();
    await placeHold({ patronId: patrons[0].id, titleId: book.id });
    await checkIn({ barcode: copy.barcode, actorId: librarian.id });
    setClock(new Date(T0.getTime() + days(7)));
    expect(await expireHolds()).toBe(0);
    setClock(new Date(T0.getTime() + days(8)));
    expect(await expireHolds()).toBe(1);
    expect(await holdOf(patrons[0].id)).toMatchObject({ status: "EXPIRED" });
    expect(await copyStatus(copy.id)).toBe("AVAILABLE");
    expect(await db.notification.count({ where: { userId: patrons[0].id, kind: "HOLD_EXPIRED" } })).toBe(2);
  });

  it("cancelling twice is refused the second time", async () => {
    const { patrons, book } = await allOut();
    const hold = await placeHold({ patronId: patrons[0].id, titleId: book.id });
    await cancelHold({ holdId: hold.holdId, actorId: patrons[0].id, patronId: patrons[0].id });
    await expect(cancelHold({ holdId: hold.holdId, actorId: patrons[0].id, patronId: patrons[0].id })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(cancelHold({ holdId: hold.holdId, actorId: patrons[1].id, patronId: patrons[1].id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

it("never gives one copy to two holds under concurrent check-ins and cancels", async () => {
  const [patrons, librarian, book] = await Promise.all([makePatrons(8), makeLibrarian(), makeTitle({ copies: 3 })]);
  for (let i = 0; i < book.copies.length; i++) await borrowTitle({ patronId: patrons[i].id, titleId: book.id });
  const holds = [];
  for (const p of patrons.slice(3)) holds.push(await placeHold({ patronId: p.id, titleId: book.id }));
  const settled = await Promise.allSettled([
    ...book.copies.map((c) => checkIn({ barcode: c.barcode, actorId: librarian.id })),
    ...holds.slice(0, 3).map((h, i) => cancelHold({ holdId: h.holdId, actorId: patrons[3 + i].id, patronId: patrons[3 + i].id })),
  ]);
  for (const s of settled) if (s.status === "rejected" && !isDomainError(s.reason)) throw s.reason;
  const open = await db.hold.findMany({ where: { status: { in: ["IN_PROCESS", "READY"] } } });
  const copies = open.map((h) => h.copyId);
  expect(new Set(copies).size).toBe(copies.length);
  for (const hold of open) expect(await copyStatus(hold.copyId!)).toBe("ON_HOLD_SHELF");
  const shelved = await db.copy.count({ where: { titleId: book.id, status: "ON_HOLD_SHELF" } });
  expect(shelved).toBe(open.length);
});

it("borrowing the title fulfils the patron's hold", async () => {
  const { patrons, librarian, book, copy } = await allOut();
  await placeHold({ patronId: patrons[0].id, titleId: book.id });
  await checkIn({ barcode: copy.barcode, actorId: librarian.id });
  await borrowTitle({ patronId: patrons[0].id, titleId: book.id });
  expect(await holdOf(patrons[0].id)).toMatchObject({ status: "FULFILLED" });
  expect(await copyStatus(copy.id)).toBe("ON_LOAN");
});

it("an expired hold passes its copy straight to the next in the queue, who is told", async () => {
  const { patrons, librarian, book, copy } = await allOut();
  await placeHold({ patronId: patrons[0].id, titleId: book.id });
  await placeHold({ patronId: patrons[1].id, titleId: book.id });
  await checkIn({ barcode: copy.barcode, actorId: librarian.id });
  setClock(new Date(T0.getTime() + days(8)));
  expect(await expireHolds()).toBe(1);
  expect(await holdOf(patrons[0].id)).toMatchObject({ status: "EXPIRED", closeReason: "not collected" });
  const next = await holdOf(patrons[1].id);
  expect(next).toMatchObject({ status: "READY", copyId: copy.id });
  expect(next.expiresAt!.getTime()).toBeGreaterThan(T0.getTime() + days(14));
  expect(await copyStatus(copy.id)).toBe("ON_HOLD_SHELF");
  expect(await db.notification.count({ where: { userId: patrons[1].id, kind: "HOLD_READY" } })).toBe(2);
  expect(await expireHolds()).toBe(0);
});

it("a copy already set aside and scanned at the desk stays with its hold", async () => {
  const [[a, b, c], librarian, book] = await Promise.all([makePatrons(3), makeLibrarian(), makeTitle()]);
  const copy = book.copies[0];
  const held = await placeHold({ patronId: a.id, titleId: book.id });
  await placeHold({ patronId: b.id, titleId: book.id });
  // Fetched from the pull list and scanned: now on the hold shelf, and its patron is told.
  const fetched = await checkIn({ barcode: copy.barcode, actorId: librarian.id });
  expect(fetched.routing).toMatchObject({ kind: "hold-shelf", holdId: held.holdId, patron: { id: a.id } });
  expect(await holdOf(a.id)).toMatchObject({ status: "READY", copyId: copy.id });
  expect(await db.notification.count({ where: { userId: a.id, kind: "HOLD_READY" } })).toBe(2);
  // Scanned again from the hold shelf: it stays there for the same patron.
  const again = await checkIn({ barcode: copy.barcode, actorId: librarian.id });
  expect(again.routing).toMatchObject({ kind: "hold-shelf", holdId: held.holdId });
  expect(await holdOf(b.id)).toMatchObject({ status: "WAITING", copyId: null });
  expect(await copyStatus(copy.id)).toBe("ON_HOLD_SHELF");
  await expect(borrowTitle({ patronId: c.id, titleId: book.id })).rejects.toMatchObject({ reason: "HELD_FOR_OTHERS" });
});

it("borrowing fulfils a hold whose copy is still on the pull list, with that very copy", async () => {
  const [[patron], book] = await Promise.all([makePatrons(1), makeTitle({ copies: 2 })]);
  await placeHold({ patronId: patron.id, titleId: book.id });
  const loan = await borrowTitle({ patronId: patron.id, titleId: book.id });
  expect(loan.copy.id).toBe(book.copies[0].id);
  expect(await holdOf(patron.id)).toMatchObject({ status: "FULFILLED", closeReason: "borrowed" });
  expect(await copyStatus(book.copies[1].id)).toBe("AVAILABLE");
});

it("shows the patron their place in the queue and the staff their pull list, hold shelf and queues", async () => {
  const { patrons, librarian, book, copy } = await allOut();
  const shelved = await makeTitle({ title: "On the shelf" });
  for (const p of patrons) await placeHold({ patronId: p.id, titleId: book.id });
  await placeHold({ patronId: patrons[2].id, titleId: shelved.id });
  expect((await patronHolds(patrons[1].id)).map((h) => [h.title.title, h.status, h.position])).toEqual([[book.title, "WAITING", 2]]);
  expect((await patronHolds(patrons[2].id)).map((h) => [h.title.title, h.status, h.position])).toEqual([
    [book.title, "WAITING", 3],
    ["On the shelf", "IN_PROCESS", 0],
  ]);

  await checkIn({ barcode: copy.barcode, actorId: librarian.id });
  const [ready] = await patronHolds(patrons[0].id);
  expect(ready).toMatchObject({ status: "READY", expiresAt: expect.any(Date) });
  expect((await patronHolds(patrons[1].id))[0].position).toBe(1);

  const staff = await staffHolds();
  expect(staff.pullList.map((h) => [h.title.title, h.copy?.barcode, h.patron.id])).toEqual([["On the shelf", shelved.copies[0].barcode, patrons[2].id]]);
  expect(staff.holdShelf.map((h) => [h.title.title, h.copy?.barcode, h.patron.id])).toEqual([[book.title, copy.barcode, patrons[0].id]]);
  expect(staff.queues).toEqual([{ titleId: book.id, title: book.title, waiting: 2, since: expect.any(Date) }]);
});

it("keeps every copy with at most one hold through rounds of concurrent check-ins, cancels and expiries", async () => {
  const [patrons, librarian, book] = await Promise.all([makePatrons(16), makeLibrarian(), makeTitle({ copies: 4 })]);
  for (let i = 0; i < 4; i++) await borrowTitle({ patronId: patrons[i].id, titleId: book.id });
  for (const p of patrons.slice(4)) await placeHold({ patronId: p.id, titleId: book.id });

  for (let round = 0; round < 3; round++) {
    const open = await db.hold.findMany({ where: { titleId: book.id, status: { in: ["WAITING", "IN_PROCESS", "READY"] } }, orderBy: { id: "asc" } });
    const onLoan = await db.loan.findMany({ where: { copy: { titleId: book.id }, returnedAt: null }, include: { copy: true } });
    const settled = await Promise.allSettled([
      ...onLoan.map((l) => checkIn({ barcode: l.copy.barcode, actorId: librarian.id })),
      // The first and last holds in the queue cancel while the copies come back.
      ...[...new Set([open[0], open.at(-1)])].filter((h) => h !== undefined).map((h) => cancelHold({ holdId: h.id, actorId: h.patronId, patronId: h.patronId })),
      ...open.filter((h) => h.status === "READY").map((h) => cancelHold({ holdId: h.id, actorId: librarian.id, reason: "Damaged on the hold shelf" })),
      expireHolds(),
    ]);
    for (const s of settled) if (s.status === "rejected" && !isDomainError(s.reason)) throw s.reason;

    const active = await db.hold.findMany({ where: { titleId: book.id, status: { in: ["IN_PROCESS", "READY"] } } });
    const copies = active.map((h) => h.copyId);
    expect(copies.every((c) => c !== null)).toBe(true);
    expect(new Set(copies).size).toBe(copies.length);
    for (const hold of active) expect(await copyStatus(hold.copyId!)).toBe("ON_HOLD_SHELF");
    expect(await db.copy.count({ where: { titleId: book.id, status: "ON_HOLD_SHELF" } })).toBe(active.length);
    // A copy on the open shelf while patrons wait would be a copy nobody is routing.
    const waiting = await db.hold.count({ where: { titleId: book.id, status: "WAITING" } });
    if (waiting > 0) expect(await db.copy.count({ where: { titleId: book.id, status: "AVAILABLE" } })).toBe(0);

    // The ready patrons borrow, so the next round has copies to bring back.
    for (const hold of active.filter((h) => h.status === "READY")) await borrowTitle({ patronId: hold.patronId, titleId: book.id });
    setClock(new Date(T0.getTime() + days(10 * (round + 1))));
  }
});
