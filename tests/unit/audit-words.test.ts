import { describe, expect, it } from "vitest";
import { type AuditPart, type AuditRefs, describeAuditEntry } from "@/lib/audit/describe-entry";

const hobbit = { id: 7, title: "The Hobbit" };
const copy = { id: 31, barcode: "C000123", title: hobbit };
const jane = { id: 9, name: "Jane Doe" };
const context = { timeZone: "UTC", currency: "GBP" };

function refs(over: Partial<AuditRefs> = {}): AuditRefs {
  return { loans: new Map(), copies: new Map(), titles: new Map(), people: new Map(), holds: new Map(), fines: new Map(), categories: new Map(), ...over };
}

const text = (parts: AuditPart[]) => parts.map((p) => (typeof p === "string" ? p : p.text)).join("");
const links = (parts: AuditPart[]) => parts.filter((p) => typeof p !== "string");

describe("describeAuditEntry", () => {
  it("tells a checkout in words, with the title, copy and patron as links", () => {
    const parts = describeAuditEntry(
      { action: "loan.checkout", entityType: "Loan", entityId: "5", details: JSON.stringify({ via: "desk", copyId: 31, barcode: "C000123", dueAt: "2026-12-20T23:59:59.999Z" }) },
      refs({ loans: new Map([[5, { copy, patron: jane }]]) }),
      context,
    );
    expect(text(parts)).toBe("Checked out The Hobbit (C000123) to Jane Doe, due 20 Dec 2026");
    expect(links(parts)).toEqual([
      { text: "The Hobbit", href: "/admin/inventory/7" },
      { text: "C000123", href: "/admin/inventory/7" },
      { text: "Jane Doe", href: "/admin/patrons/9" },
    ]);
  });

  it("leaves out a patron who keeps no history, and says what it can of a deleted record", () => {
    const parts = describeAuditEntry({ action: "loan.checkin", entityType: "Loan", entityId: "5", details: JSON.stringify({ barcode: "C000123", via: "self", fineCents: 125 }) }, refs({ loans: new Map([[5, { copy, patron: null }]]) }), context);
    expect(text(parts)).toBe("Checked in The Hobbit (C000123) (online); overdue fine £1.25");
    expect(text(describeAuditEntry({ action: "copy.delete", entityType: "Copy", entityId: "31", details: JSON.stringify({ barcode: "C000123", titleId: 99 }) }, refs(), context))).toBe("Deleted copy C000123");
  });

  it("names people by name, never as “User 9”, and money in the library's currency", () => {
    const people = new Map([[9, jane]]);
    expect(text(describeAuditEntry({ action: "fine.payment", entityType: "Payment", entityId: "3", details: JSON.stringify({ patronId: 9, amountCents: 250 }) }, refs({ people }), context))).toBe("Took a payment of £2.50 from Jane Doe");
    expect(text(describeAuditEntry({ action: "patron.block", entityType: "User", entityId: "9", details: JSON.stringify({ reason: "Lost three books" }) }, refs({ people }), context))).toBe("Blocked Jane Doe: Lost three books");
    expect(text(describeAuditEntry({ action: "fine.payment", entityType: "Payment", entityId: "4", details: JSON.stringify({ patronId: 9, amountCents: 100, via: "SIP2, device pay1" }) }, refs({ people }), context))).toBe("Took a payment of £1.00 from Jane Doe (SIP2, device pay1)");
    expect(text(describeAuditEntry({ action: "patron.block", entityType: "User", entityId: "9", details: JSON.stringify({ reason: "Card left behind", via: "SIP2, device kiosk1" }) }, refs({ people }), context))).toBe("Blocked Jane Doe (SIP2, device kiosk1): Card left behind");
    expect(text(describeAuditEntry({ action: "staff.role_change", entityType: "User", entityId: "9", details: JSON.stringify({ from: "PATRON", to: "LIBRARIAN" }) }, refs({ people }), context))).toBe("Changed the role of Jane Doe from patron to librarian");
  });

  it("names the API key another system acted through, as it names a SIP2 device", () => {
    const loans = new Map([[5, { copy, patron: jane }]]);
    const lent = { action: "loan.checkout", entityType: "Loan", entityId: "5", details: JSON.stringify({ via: "API key Discovery", copyId: 31, dueAt: "2026-12-20T23:59:59.999Z" }) };
    expect(text(describeAuditEntry(lent, refs({ loans }), context))).toBe("Checked out The Hobbit (C000123) to Jane Doe, due 20 Dec 2026 (via API key Discovery)");
    const kiosk = { ...lent, details: JSON.stringify({ via: "SIP2, device kiosk1", copyId: 31, dueAt: "2026-12-20T23:59:59.999Z" }) };
    expect(text(describeAuditEntry(kiosk, refs({ loans }), context))).toBe("Checked out The Hobbit (C000123) to Jane Doe, due 20 Dec 2026 (SIP2, device kiosk1)");
    const catalogued = { action: "title.create", entityType: "Title", entityId: "7", details: JSON.stringify({ title: "The Hobbit", via: "API key Discovery" }) };
    expect(text(describeAuditEntry(catalogued, refs({ titles: new Map([[7, hobbit]]) }), context))).toBe("Added the title The Hobbit (via API key Discovery)");
  });

  it("tells holds and titles, and an unknown action as it was recorded", () => {
    const holds = new Map([[4, { title: hobbit, copy, patron: jane }]]);
    expect(text(describeAuditEntry({ action: "hold.ready", entityType: "Hold", entityId: "4", details: JSON.stringify({ copyId: 31 }) }, refs({ holds }), context))).toBe("Put The Hobbit (C000123) on the hold shelf for Jane Doe");
    expect(text(describeAuditEntry({ action: "title.withdraw", entityType: "Title", entityId: "7", details: JSON.stringify({ copies: 2 }) }, refs({ titles: new Map([[7, hobbit]]) }), context))).toBe("Withdrew the title The Hobbit and its 2 copies");
    expect(text(describeAuditEntry({ action: "title.delete", entityType: "Title", entityId: "7", details: "not json" }, refs(), context))).toBe("Deleted the title “#7”");
    expect(text(describeAuditEntry({ action: "sip.login", entityType: "SipDevice", entityId: "2", details: null }, refs(), context))).toBe("sip.login on SipDevice 2");
  });
});
