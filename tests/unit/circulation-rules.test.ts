import { describe, expect, it } from "vitest";
import { refusalMessage, staffRefusalMessage, standingAdvice, standingHeadline } from "@/lib/circulation/messages";
import { borrowRefusal, daysOverdue, dueDate, renewalRefusal, standingRefusals, type PatronStanding } from "@/lib/circulation/rules";
import { allocate, outstandingCents, overdueFineCents } from "@/lib/fines/rules";
import { endOfLibraryDay } from "@/lib/policies/library-time";
import { ALWAYS_OPEN } from "@/lib/policies/opening-days";
import { DEFAULT_POLICY, overdueNoticeSteps } from "@/lib/policies/policy";

const at = (iso: string) => new Date(iso);

describe("due dates", () => {
  it.each([
    ["2026-03-02T10:00:00Z", "UTC", 21, "2026-03-23T23:59:59.999Z"],
    ["2026-03-02T23:30:00Z", "UTC", 21, "2026-03-23T23:59:59.999Z"],
    // 00:30 in London on 2 Jul is still 1 Jul in UTC: the library's day counts.
    ["2026-07-01T23:30:00Z", "Europe/London", 21, "2026-07-23T22:59:59.999Z"],
    // Across the October clock change: 23:59:59 London time is 23:59:59 UTC in winter.
    ["2026-10-10T12:00:00Z", "Europe/London", 21, "2026-10-31T23:59:59.999Z"],
    ["2026-03-02T10:00:00Z", "America/New_York", 7, "2026-03-10T03:59:59.999Z"],
  ])("borrowed %s in %s for %i days is due %s", (borrowed, zone, days, due) => {
    expect(dueDate(at(borrowed), { loanPeriodDays: days }, zone).toISOString()).toBe(due);
  });

  it("ends a library day at its last millisecond", () => {
    expect(endOfLibraryDay(at("2026-01-15T08:00:00Z"), 0, "Asia/Tokyo").toISOString()).toBe("2026-01-15T14:59:59.999Z");
  });
});

describe("days overdue", () => {
  const due = at("2026-03-23T23:59:59.999Z");
  it.each([
    ["2026-03-23T12:00:00Z", 0],
    ["2026-03-24T00:00:01Z", 1],
    ["2026-03-24T23:00:00Z", 1],
    ["2026-04-01T09:00:00Z", 9],
  ])("returned %s is %i days late", (returned, days) => {
    expect(daysOverdue(due, at(returned), "UTC")).toBe(days);
  });
});

describe("overdue fines", () => {
  const due = at("2026-03-23T23:59:59.999Z");
  const late = (days: number) => new Date(due.getTime() + days * 86_400_000 - 3_600_000);

  it.each([
    [0, 0],
    [1, 25],
    [9, 225],
    [40, 1000],
    [400, 1000],
  ])("default policy: %i days late owes %i cents", (days, cents) => {
    expect(overdueFineCents(due, late(days), DEFAULT_POLICY, "UTC", ALWAYS_OPEN)).toBe(cents);
  });

  const strict = { fineDailyCents: 10, fineGraceDays: 1, fineCapCents: 300 };
  it.each([
    [0, 0],
    [1, 0],
    [2, 20],
    [31, 300],
    [100, 300],
  ])("grace 1 day, 0.10 a day, cap 3.00: %i days late owes %i cents", (days, cents) => {
    expect(overdueFineCents(due, late(days), strict, "UTC", ALWAYS_OPEN)).toBe(cents);
  });
});

describe("who may borrow", () => {
  const now = at("2026-05-01T12:00:00Z");
  const good: PatronStanding = { status: "ACTIVE", blockedReason: null, expiresAt: at("2027-01-01T00:00:00Z"), openLoans: 0, overdueLoans: 0, unpaidFinesCents: 0 };

  it.each<[string, Partial<PatronStanding>, string | null]>([
    ["in good standing", {}, null],
    ["blocked", { status: "BLOCKED", blockedReason: "lost card" }, "ACCOUNT_BLOCKED"],
    ["with an expired card", { expiresAt: at("2026-04-30T00:00:00Z") }, "ACCOUNT_EXPIRED"],
    ["with an overdue loan", { overdueLoans: 1 }, "HAS_OVERDUE"],
    ["owing 4.99", { unpaidFinesCents: 499 }, null],
    ["owing 5.00", { unpaidFinesCents: 500 }, "FINES_BLOCK"],
    ["with 4 loans", { openLoans: 4 }, null],
    ["with 5 loans", { openLoans: 5 }, "LOAN_LIMIT"],
    ["blocked, expired and at the limit: the block comes first", { status: "BLOCKED", expiresAt: at("2026-01-01T00:00:00Z"), openLoans: 5 }, "ACCOUNT_BLOCKED"],
    ["expired and owing: the card comes first", { expiresAt: at("2026-01-01T00:00:00Z"), unpaidFinesCents: 900 }, "ACCOUNT_EXPIRED"],
  ])("a patron %s", (_, change, reason) => {
    expect(borrowRefusal({ ...good, ...change }, DEFAULT_POLICY, now)?.reason ?? null).toBe(reason);
  });

  it.each<[string, { renewals: number; waitingHoldsByOthers: number; freeCopies: number; standing?: Partial<PatronStanding>; renewedDueAt?: Date }, string | null]>([
    ["first renewal", { renewals: 0, waitingHoldsByOthers: 0, freeCopies: 0 }, null],
    ["on the day of checkout (the due date would not move)", { renewals: 0, waitingHoldsByOthers: 0, freeCopies: 0, renewedDueAt: at("2026-03-23T23:59:59.999Z") }, "TOO_SOON"],
    ["third renewal", { renewals: 2, waitingHoldsByOthers: 0, freeCopies: 0 }, "NO_RENEWALS_LEFT"],
    ["a hold waits, no other copy", { renewals: 0, waitingHoldsByOthers: 1, freeCopies: 0 }, "WANTED_BY_OTHERS"],
    ["a hold waits, another copy is free", { renewals: 0, waitingHoldsByOthers: 1, freeCopies: 1 }, null],
    ["at the loan limit (renewing takes no new loan)", { renewals: 0, waitingHoldsByOthers: 0, freeCopies: 0, standing: { openLoans: 5 } }, null],
    ["with fines at the threshold", { renewals: 0, waitingHoldsByOthers: 0, freeCopies: 0, standing: { unpaidFinesCents: 500 } }, "FINES_BLOCK"],
  ])("renewal: %s", (_, c, reason) => {
    const dueAt = at("2026-03-23T23:59:59.999Z");
    const renewal = { dueAt, renewedDueAt: at("2026-03-30T23:59:59.999Z"), ...c, standing: { ...good, ...c.standing } };
    expect(renewalRefusal(renewal, DEFAULT_POLICY, now)?.reason ?? null).toBe(reason);
  });

  it("lists every standing reason at once for the account overview, most basic first", () => {
    const all = standingRefusals({ ...good, status: "BLOCKED", blockedReason: "lost card", expiresAt: at("2026-04-01T00:00:00Z"), overdueLoans: 2, unpaidFinesCents: 725 }, DEFAULT_POLICY, now);
    expect(all.map((r) => r.reason)).toEqual(["ACCOUNT_BLOCKED", "ACCOUNT_EXPIRED", "HAS_OVERDUE", "FINES_BLOCK"]);
    expect(standingRefusals(good, DEFAULT_POLICY, now)).toEqual([]);
  });

  it("heads the account overview with the standing in words, and says what to do", () => {
    expect(standingHeadline(undefined, "GBP", "UTC")).toBe("Active: you may borrow");
    expect(standingHeadline({ reason: "ACCOUNT_EXPIRED", expiresAt: at("2026-04-20T12:00:00Z") }, "GBP", "UTC")).toBe("Card expired on 20 Apr 2026");
    expect(standingHeadline({ reason: "ACCOUNT_BLOCKED", blockedReason: "lost card" }, "GBP", "UTC")).toBe("Blocked: lost card");
    expect(standingHeadline({ reason: "HAS_OVERDUE", overdueLoans: 1 }, "GBP", "UTC")).toBe("Overdue loan");
    const fines = { reason: "FINES_BLOCK", unpaidFinesCents: 725, thresholdCents: 500 } as const;
    expect(standingHeadline(fines, "GBP", "UTC")).toBe("Borrowing blocked: fines £7.25 reach the £5.00 limit");
    expect(standingAdvice(fines, "GBP")).toBe("Pay at the desk: borrowing starts again once you owe less than £5.00.");
    expect(standingAdvice({ reason: "ACCOUNT_EXPIRED", expiresAt: now }, "GBP")).toMatch(/^Renew your card at the desk/);
  });

  it("explains refusals in plain words", () => {
    expect(refusalMessage({ reason: "LOAN_LIMIT", maxLoans: 5 }, "USD")).toBe("You have 5 books on loan, the most your card allows.");
    expect(refusalMessage({ reason: "FINES_BLOCK", unpaidFinesCents: 725, thresholdCents: 500 }, "GBP")).toBe(
      "You owe £7.25 in fines; borrowing stops at £5.00. Please pay at the desk.",
    );
    expect(refusalMessage({ reason: "HAS_OVERDUE", overdueLoans: 2 }, "USD")).toBe("You have 2 overdue books. Please return them first.");
  });

  it("tells the librarian at the desk what to do, not the patron's 'please pay at the desk'", () => {
    expect(staffRefusalMessage({ reason: "FINES_BLOCK", unpaidFinesCents: 725, thresholdCents: 500 }, "GBP")).toBe(
      "Borrowing blocked: fines £7.25 reach the £5.00 limit — take a payment.",
    );
    const reasons = [
      { reason: "ACCOUNT_BLOCKED", blockedReason: "lost card" },
      { reason: "ACCOUNT_EXPIRED", expiresAt: new Date() },
      { reason: "HAS_OVERDUE", overdueLoans: 1 },
      { reason: "LOAN_LIMIT", maxLoans: 5 },
      { reason: "NO_RENEWALS_LEFT", maxRenewals: 2 },
      { reason: "WANTED_BY_OTHERS", waitingHolds: 1 },
    ] as const;
    for (const r of reasons) expect(staffRefusalMessage(r, "GBP")).not.toMatch(/please|your /i);
  });
});

describe("payments", () => {
  const fines = [
    { id: 1, amountCents: 300, paidCents: 100, waivedCents: 0 },
    { id: 2, amountCents: 400, paidCents: 0, waivedCents: 0 },
  ];
  it.each([
    [150, [{ fineId: 1, amountCents: 150 }]],
    [200, [{ fineId: 1, amountCents: 200 }]],
    [450, [{ fineId: 1, amountCents: 200 }, { fineId: 2, amountCents: 250 }]],
  ])("spreads %i cents oldest first", (amount, shares) => {
    expect(allocate(fines, amount)).toEqual(shares);
  });
  it("counts what is still owed", () => {
    expect(outstandingCents({ amountCents: 500, paidCents: 200, waivedCents: 100 })).toBe(200);
  });
});

describe("overdue notice steps", () => {
  it.each([
    ["1,7,14", [1, 7, 14]],
    ["14, 7,1", [1, 7, 14]],
    ["7,7,0,-1,x", [7]],
    ["", []],
  ])("%s → %j", (text, steps) => {
    expect(overdueNoticeSteps({ overdueNoticeDays: text })).toEqual(steps);
  });
});
