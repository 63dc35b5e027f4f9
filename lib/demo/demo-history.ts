import { daysOverdue, dueDate } from "../circulation/rules";
import type { Db } from "../db";
import type { Prisma } from "../generated/sqlite/client";
import { overdueFineCents } from "../fines/rules";
import { luhnDigit } from "../patrons/card-number";
import { endOfLibraryDay } from "../policies/library-time";
import { ALWAYS_OPEN } from "../policies/opening-days";
import type { CirculationPolicy } from "../policies/policy";
import { resetIdSequences } from "../sql-dialect";

// A year of a library's life around the demo accounts: a few hundred patrons, their returned
// loans, the fines those earned (paid, waived or still owed), holds fulfilled, expired and
// cancelled, and what is open today (loans, some overdue, holds waiting and on the shelf).
// Written with createMany, not the desk's operations: thousands of transactions would not fit
// the seed's time budget. The rows keep the operations' rules (a late return has its fine, a
// fulfilled hold its loan, a copy's status its open loan or hold) and the demo accounts are
// left as the seed made them. Deterministic: one seeded generator, dates counted back from `at`.

export type DemoHistoryOptions = {
  /** Midday of the library's today: every date is counted back from it. */
  at: Date;
  timeZone: string;
  librarianId: number;
  passwordHash: string;
  /** Titles up to this id are the ones the e2e tests borrow and reserve: nothing stays open on them. */
  keepFreeUpTo: number;
  patrons?: number;
};

export type DemoHistorySummary = { patrons: number; loans: number; openLoans: number; fines: number; payments: number; holds: number };

const DAY = 86_400_000;
const FIRST = ["Aiko", "Bruno", "Carmen", "Dmitri", "Esther", "Felix", "Greta", "Hamid", "Ingrid", "Jamal", "Keiko", "Lars", "Mirela", "Nadia", "Oskar", "Priya", "Rafael", "Sofia", "Tobias", "Ulla", "Viktor", "Wanda", "Ximena", "Yara", "Zeno", "Alba", "Bodhi", "Cyrus", "Delphine", "Elio", "Fatima", "Gideon", "Hedda", "Idris", "Juno", "Kamala", "Luca", "Maeve", "Nico", "Orla"];
const LAST = ["Achterberg", "Bellamy", "Carvalho", "Delacroix", "Eastwood", "Fairweather", "Galloway", "Hartmann", "Iverson", "Jablonski", "Kavanagh", "Lindqvist", "Mwangi", "Nakamura", "Oyelaran", "Pemberton", "Quintero", "Radcliffe", "Sandoval", "Thornbury", "Underhill", "Vasquez", "Whitlock", "Yilmaz", "Zielinski", "Ashworth", "Blackwood", "Chaudhry", "Drummond", "Ellingham"];
const WAIVE_REASONS = ["First late return", "Hospital stay", "Book drop was jammed", "Goodwill at renewal of card", "Library closed on the due date"];

/** mulberry32: a small seeded generator, the same sequence on every run. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)],
    chance: (p: number) => next() < p,
  };
}

type Patron = { id: number; policy: CirculationPolicy; active: boolean; until: number; openLoans: number; openHolds: number; appetite: number };
/** A copy and the moment it is next on the shelf as the year is written (Infinity: out today). */
type CopyRow = { id: number; titleId: number; freeFrom: number };

export async function seedDemoHistory(db: Db, options: DemoHistoryOptions): Promise<DemoHistorySummary> {
  const { at, timeZone, librarianId, passwordHash, keepFreeUpTo, patrons: patronCount = 300 } = options;
  const rand = generator(20_260_101);
  const today = at.getTime();
  const dayAt = (daysAgo: number, hour = 0) => new Date(today - daysAgo * DAY + hour * 3_600_000);

  const [categories, users, busy, last] = await Promise.all([
    db.patronCategory.findMany({ where: { code: { in: ["ADULT", "CHILD"] } } }),
    db.user.findMany({ select: { cardNumber: true } }),
    db.loan.findMany({ select: { copyId: true } }),
    Promise.all([db.user.aggregate({ _max: { id: true } }), db.loan.aggregate({ _max: { id: true } }), db.fine.aggregate({ _max: { id: true } }), db.payment.aggregate({ _max: { id: true } }), db.hold.aggregate({ _max: { id: true } })]),
  ]);
  const [userId, loanId, fineId, paymentId, holdId] = last.map((l) => l._max.id ?? 0);
  const ids = { user: userId, loan: loanId, fine: fineId, payment: paymentId, hold: holdId };
  const adult = categories.find((c) => c.code === "ADULT")!;
  const child = categories.find((c) => c.code === "CHILD")!;

  // Patrons: mostly adults, one in six a child; a few cards expired, a few blocked.
  const cards = new Set(users.map((u) => u.cardNumber));
  const card = () => {
    for (;;) {
      const digits = String(rand.int(1, 9)) + Array.from({ length: 8 }, () => rand.int(0, 9)).join("");
      const number = `S${digits}${luhnDigit(digits)}`;
      if (!cards.has(number)) {
        cards.add(number);
        return number;
      }
    }
  };
  const patronRows: Prisma.UserCreateManyInput[] = [];
  const patrons: Patron[] = [];
  for (let i = 0; i < patronCount; i++) {
    const category = rand.chance(1 / 6) ? child : adult;
    const first = rand.pick(FIRST);
    const lastName = rand.pick(LAST);
    const joined = dayAt(rand.int(370, 5 * 365));
    const expired = rand.chance(0.05);
    const blocked = !expired && rand.chance(0.02);
    const expiresAt = expired ? dayAt(rand.int(1, 120)) : endOfLibraryDay(at, rand.int(20, category.cardValidityDays), timeZone);
    const id = ++ids.user;
    patronRows.push({
      id, name: `${first} ${lastName}`, email: `${first}.${lastName}.${i + 1}@mail.demo.stacks`.toLowerCase(), passwordHash, role: "PATRON" as const, cardNumber: card(),
      categoryId: category.id, status: blocked ? ("BLOCKED" as const) : ("ACTIVE" as const), blockedReason: blocked ? "Card reported stolen" : null,
      expiresAt,
      keepHistory: !rand.chance(0.1), createdAt: joined, updatedAt: joined,
    });
    // A few heavy readers borrow most of the books, as in any library.
    // An expired card stopped borrowing when it expired, a blocked one a month ago.
    patrons.push({ id, policy: category, active: !expired && !blocked, until: expired ? expiresAt.getTime() : blocked ? today - 30 * DAY : Infinity, openLoans: 0, openHolds: 0, appetite: rand.next() ** 3 });
  }

  // Copies on the shelf that the seed left alone and that lend (not a reference copy), popular titles (low ids) first.
  const taken = new Set(busy.map((l) => l.copyId));
  const everyCopy = await db.copy.findMany({ where: { itemType: { notForLoan: false } }, select: { id: true, titleId: true, status: true }, orderBy: { id: "asc" } });
  const copies: CopyRow[] = everyCopy
    .filter((c) => c.status === "AVAILABLE" && !taken.has(c.id))
    .map((c) => ({ id: c.id, titleId: c.titleId, freeFrom: today - 400 * DAY }));
  const copyById = new Map(copies.map((c) => [c.id, c]));
  // Titles with a copy the seed used or off the shelf get no queue of their own.
  const untouchable = new Set(everyCopy.filter((c) => !copyById.has(c.id)).map((c) => c.titleId));
  const popular = copies.slice(0, Math.min(copies.length, 6000));
  const openable = copies.filter((c) => c.titleId > keepFreeUpTo);
  const weights = patrons.map((p) => 0.05 + p.appetite);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const reader = () => {
    let r = rand.next() * totalWeight;
    for (let i = 0; i < patrons.length; i++) if ((r -= weights[i]) <= 0) return patrons[i];
    return patrons[patrons.length - 1];
  };
  const daysLate = (due: Date, back: Date) => {
    const n = daysOverdue(due, back, timeZone);
    return `${n} day${n === 1 ? "" : "s"} late`;
  };
  const freeCopy = (pool: CopyRow[], from: number) => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const copy = pool[Math.floor(rand.next() ** 2 * pool.length)];
      if (copy && copy.freeFrom <= from) return copy;
    }
    return null;
  };

  const loans: (Prisma.LoanCreateManyInput & { id: number; copyId: number; patronId: number })[] = [];
  const fines: (Prisma.FineCreateManyInput & { description: string })[] = [];
  const payments: Prisma.PaymentCreateManyInput[] = [];
  const allocations: Prisma.PaymentAllocationCreateManyInput[] = [];
  const holds: Prisma.HoldCreateManyInput[] = [];
  const onLoan: number[] = [];
  const onHoldShelf: number[] = [];
  let openLoans = 0;

  // A year of days: about a dozen loans a day, fewer on Sundays.
  for (let daysAgo = 365; daysAgo >= 1; daysAgo--) {
    const day = dayAt(daysAgo);
    const perDay = day.getUTCDay() === 0 ? rand.int(2, 6) : rand.int(8, 16);
    for (let n = 0; n < perDay; n++) {
      const patron = reader();
      const out = dayAt(daysAgo, rand.int(-2, 6));
      const policy = patron.policy;
      const firstDue = dueDate(out, policy, timeZone);
      // A renewal a few days before the due date runs a full loan period from then.
      let renewals = rand.chance(0.2) ? rand.int(1, policy.maxRenewals) : 0;
      let lastRenewedAt = renewals ? new Date(firstDue.getTime() + (renewals - 1) * policy.loanPeriodDays * DAY - rand.int(1, 5) * DAY) : null;
      // A renewal still to come is no renewal yet.
      if (lastRenewedAt && lastRenewedAt.getTime() > today) [renewals, lastRenewedAt] = [0, null];
      const due = lastRenewedAt ? dueDate(lastRenewedAt, policy, timeZone) : firstDue;
      const late = rand.chance(0.14);
      const back = late ? due.getTime() + rand.int(1, 25) * DAY : out.getTime() + rand.int(2, Math.max(3, Math.round((due.getTime() - out.getTime()) / DAY))) * DAY;
      const stillOut = back > today - DAY;
      if (out.getTime() > patron.until || (stillOut && (!patron.active || patron.openLoans >= Math.min(3, policy.maxLoans)))) continue;
      // One loan in eight came off a reservation, collected a day or three after it was set aside.
      const readyAt = rand.chance(0.125) ? new Date(out.getTime() - rand.int(1, 3) * DAY) : null;
      const copy = freeCopy(stillOut ? openable : popular, (readyAt ?? out).getTime());
      if (!copy) continue;
      const id = ++ids.loan;
      const returnedAt = stillOut ? null : new Date(back);
      copy.freeFrom = stillOut ? Infinity : back + DAY;
      loans.push({ id, copyId: copy.id, patronId: patron.id, checkedOutById: rand.chance(0.7) ? librarianId : null, checkedOutAt: out, dueAt: due, returnedAt, renewals, lastRenewedAt });
      if (stillOut) {
        patron.openLoans++;
        openLoans++;
        onLoan.push(copy.id);
      }
      if (readyAt) {
        holds.push({ id: ++ids.hold, titleId: copy.titleId, patronId: patron.id, status: "FULFILLED" as const, copyId: copy.id, placedAt: new Date(readyAt.getTime() - rand.int(2, 20) * DAY), readyAt, expiresAt: endOfLibraryDay(readyAt, policy.holdPickupDays, timeZone), closedAt: out, closeReason: "borrowed" });
      }
      if (returnedAt) {
        // Always open: the demo's closed days are set after its history (seedDemoOpeningDays).
        const amountCents = overdueFineCents(due, returnedAt, policy, timeZone, ALWAYS_OPEN);
        if (amountCents > 0) {
          const fine = { id: ++ids.fine, patronId: patron.id, loanId: id, kind: "OVERDUE" as const, amountCents, paidCents: 0, waivedCents: 0, description: `${copy.titleId}: returned ${daysLate(due, returnedAt)}`, createdAt: returnedAt, settledAt: null as Date | null };
          const settleAt = returnedAt.getTime() + rand.int(0, 20) * DAY;
          const roll = rand.next();
          if (settleAt < today - DAY && roll < 0.85) {
            const waiver = roll > 0.72;
            const payment = {
              id: ++ids.payment, patronId: patron.id, kind: waiver ? ("WAIVER" as const) : ("PAYMENT" as const), method: waiver ? null : rand.pick(["CASH", "CASH", "CARD"] as const),
              amountCents, reason: waiver ? rand.pick(WAIVE_REASONS) : null, recordedById: librarianId, createdAt: new Date(settleAt),
            };
            payments.push(payment);
            allocations.push({ paymentId: payment.id, fineId: fine.id, amountCents });
            Object.assign(fine, waiver ? { waivedCents: amountCents } : { paidCents: amountCents }, { settledAt: payment.createdAt });
          }
          fines.push(fine);
        }
      }
    }
  }

  // Reservations nobody collected in time, and some cancelled: a copy sat on the hold shelf for them.
  for (let i = 0; i < 120; i++) {
    const patron = reader();
    const readyAt = dayAt(rand.int(20, 360));
    const copy = freeCopy(popular, readyAt.getTime());
    if (!copy) continue;
    const expiresAt = endOfLibraryDay(readyAt, patron.policy.holdPickupDays, timeZone);
    copy.freeFrom = expiresAt.getTime() + DAY;
    const placedAt = new Date(readyAt.getTime() - rand.int(1, 15) * DAY);
    if (rand.chance(0.6)) {
      holds.push({ id: ++ids.hold, titleId: copy.titleId, patronId: patron.id, status: "EXPIRED" as const, copyId: copy.id, placedAt, readyAt, expiresAt, closedAt: new Date(expiresAt.getTime() + 60_000), closeReason: "not collected" });
    } else {
      holds.push({ id: ++ids.hold, titleId: copy.titleId, patronId: patron.id, status: "CANCELLED" as const, copyId: null, placedAt, readyAt: null, expiresAt: null, closedAt: readyAt, closeReason: "patron" });
    }
  }

  // Today: queues on titles whose every copy is out, and books on the hold shelf waiting to be collected.
  const openCopiesByTitle = new Map<number, { all: number; out: number }>();
  for (const copy of openable) {
    const t = openCopiesByTitle.get(copy.titleId) ?? { all: 0, out: 0 };
    t.all++;
    if (copy.freeFrom === Infinity) t.out++;
    openCopiesByTitle.set(copy.titleId, t);
  }
  const borrowers = new Map(loans.filter((l) => l.returnedAt === null).map((l) => [copyById.get(l.copyId)!.titleId, l.patronId]));
  // A hold joins the queue after the title's last copy went out (before, a copy would have been set aside).
  const lastOut = new Map<number, number>();
  for (const loan of loans.filter((l) => l.returnedAt === null)) {
    const titleId = copyById.get(loan.copyId)!.titleId;
    lastOut.set(titleId, Math.max(lastOut.get(titleId) ?? 0, new Date(loan.checkedOutAt).getTime()));
  }
  const queueTitles = [...openCopiesByTitle].filter(([titleId, t]) => t.out === t.all && !untouchable.has(titleId)).map(([titleId]) => titleId).slice(0, 40);
  for (const titleId of queueTitles) {
    for (let place = 0, wanted = rand.int(1, 3); place < wanted; place++) {
      const patron = reader();
      if (!patron.active || patron.openHolds >= 2 || borrowers.get(titleId) === patron.id) continue;
      if (holds.some((h) => h.titleId === titleId && h.patronId === patron.id && h.status === "WAITING")) continue;
      patron.openHolds++;
      holds.push({ id: ++ids.hold, titleId, patronId: patron.id, status: "WAITING" as const, copyId: null, placedAt: new Date(lastOut.get(titleId)! + rand.next() * (today - lastOut.get(titleId)!)), readyAt: null, expiresAt: null, closedAt: null, closeReason: null });
    }
  }
  const shelfTitles = new Set(queueTitles);
  for (let i = 0; i < 15; i++) {
    const readyAt = dayAt(rand.int(1, 5), rand.int(-3, 3));
    const copy = freeCopy(openable, readyAt.getTime());
    const patron = reader();
    if (!copy || shelfTitles.has(copy.titleId) || untouchable.has(copy.titleId) || borrowers.get(copy.titleId) === patron.id || !patron.active || patron.openHolds >= 2) continue;
    shelfTitles.add(copy.titleId);
    copy.freeFrom = Infinity;
    patron.openHolds++;
    onHoldShelf.push(copy.id);
    holds.push({ id: ++ids.hold, titleId: copy.titleId, patronId: patron.id, status: "READY" as const, copyId: copy.id, placedAt: new Date(readyAt.getTime() - rand.int(3, 25) * DAY), readyAt, expiresAt: endOfLibraryDay(readyAt, patron.policy.holdPickupDays, timeZone), closedAt: null, closeReason: null });
  }

  // The fine's words are the desk's ("Emma: returned 3 days late"): the titles are read for the few fined loans only.
  const fined = await db.title.findMany({ where: { id: { in: [...new Set(fines.map((f) => Number(f.description.split(":")[0])))] } }, select: { id: true, title: true } });
  const titleOf = new Map(fined.map((t) => [t.id, t.title]));
  for (const fine of fines) fine.description = fine.description.replace(/^\d+/, (id) => titleOf.get(Number(id))!);

  // One transaction: one commit instead of one per batch, the most of the time this takes on SQLite.
  const chunks = <T>(rows: T[]) => Array.from({ length: Math.ceil(rows.length / 1000) }, (_, i) => rows.slice(i * 1000, (i + 1) * 1000));
  await db.$transaction(
    async (tx) => {
      await tx.user.createMany({ data: patronRows });
      for (const rows of chunks(loans)) await tx.loan.createMany({ data: rows });
      for (const rows of chunks(fines)) await tx.fine.createMany({ data: rows });
      for (const rows of chunks(payments)) await tx.payment.createMany({ data: rows });
      for (const rows of chunks(allocations)) await tx.paymentAllocation.createMany({ data: rows });
      for (const rows of chunks(holds)) await tx.hold.createMany({ data: rows });
      await tx.copy.updateMany({ where: { id: { in: onLoan } }, data: { status: "ON_LOAN" } });
      await tx.copy.updateMany({ where: { id: { in: onHoldShelf } }, data: { status: "ON_HOLD_SHELF" } });
      await resetIdSequences(tx, ["User", "Loan", "Fine", "Payment", "PaymentAllocation", "Hold"]);
    },
    { timeout: 120_000 },
  );
  return { patrons: patronRows.length, loans: loans.length, openLoans, fines: fines.length, payments: payments.length, holds: holds.length };
}

