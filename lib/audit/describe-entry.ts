import { formatDate, formatMoney } from "../format";

// An audit entry in words, its people, titles and copies as links: "Checked out The Hobbit
// (C000123) to Jane Doe". Pure: the records it names are read beforehand (list-audit.ts).

export type TitleRef = { id: number; title: string };
export type CopyRef = { id: number; barcode: string; title: TitleRef };
export type PersonRef = { id: number; name: string };

/** The records the entries name, by id; a patron is left out where reading privacy asks it. */
export type AuditRefs = {
  loans: Map<number, { copy: CopyRef; patron: PersonRef | null }>;
  copies: Map<number, CopyRef>;
  titles: Map<number, TitleRef>;
  people: Map<number, PersonRef>;
  holds: Map<number, { title: TitleRef; copy: CopyRef | null; patron: PersonRef | null }>;
  fines: Map<number, { patron: PersonRef; copy: CopyRef | null }>;
  categories: Map<number, { id: number; name: string }>;
};

export type AuditPart = string | { text: string; href: string };
export type AuditEntryInput = { action: string; entityType: string; entityId: string; details: string | null };
export type AuditContext = { timeZone: string; currency: string };

export const personLink = (p: PersonRef): AuditPart => ({ text: p.name, href: `/admin/patrons/${p.id}` });
const titleLink = (t: TitleRef): AuditPart => ({ text: t.title, href: `/admin/inventory/${t.id}` });
const copyLink = (c: CopyRef): AuditPart => ({ text: c.barcode, href: `/admin/inventory/${c.title.id}` });
/** "The Hobbit (C000123)". */
const bookAndCopy = (c: CopyRef): AuditPart[] => [titleLink(c.title), " (", copyLink(c), ")"];

type Details = Record<string, unknown>;

/** An entry's details, or nothing for a missing or unreadable text. */
export function readDetails(text: string | null): Details {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Details) : {};
  } catch {
    return {};
  }
}

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === "string" && v.length > 0 ? v : null);
const fieldList = (d: Details, leaveOut: string[] = []) => Object.keys(d).filter((k) => !leaveOut.includes(k)).join(", ");

/** The words of an entry. Records since deleted (or not named, for privacy) are told by their number. */
export function describeAuditEntry(entry: AuditEntryInput, refs: AuditRefs, context: AuditContext): AuditPart[] {
  const d = readDetails(entry.details);
  const id = Number(entry.entityId);
  const money = (cents: unknown) => formatMoney(num(cents) ?? 0, context.currency);
  const day = (iso: unknown) => (str(iso) && !Number.isNaN(new Date(iso as string).getTime()) ? formatDate(new Date(iso as string), context.timeZone) : "?");
  const via = (): AuditPart[] => {
    const by = str(d.via);
    if (by === "self") return [" (online)"];
    if (by?.startsWith("SIP2")) return [` (${by})`];
    if (by?.startsWith("API key ")) return [` (via ${by})`];
    return [];
  };

  const loan = entry.entityType === "Loan" ? refs.loans.get(id) : undefined;
  const copyOf = (): CopyRef | undefined => (entry.entityType === "Copy" ? refs.copies.get(id) : undefined) ?? refs.copies.get(num(d.copyId) ?? -1) ?? loan?.copy;
  const copyOrBarcode = (): AuditPart[] => {
    const copy = copyOf();
    if (copy) return bookAndCopy(copy);
    return [`copy ${str(d.barcode) ?? `#${entry.entityId}`}`];
  };
  const loanBook = (): AuditPart[] => (loan ? bookAndCopy(loan.copy) : str(d.barcode) ? [`copy ${d.barcode}`] : [`loan #${entry.entityId}`]);
  const to = (word: string, p: PersonRef | null | undefined): AuditPart[] => (p ? [` ${word} `, personLink(p)] : []);
  const person = (): AuditPart => {
    const p = refs.people.get(entry.entityType === "User" ? id : (num(d.patronId) ?? -1));
    return p ? personLink(p) : `patron #${entry.entityType === "User" ? entry.entityId : String(d.patronId ?? "?")}`;
  };
  const titleRef = (): AuditPart => {
    const t = refs.titles.get(entry.entityType === "Title" ? id : (num(d.titleId) ?? -1));
    return t ? titleLink(t) : `“${str(d.title) ?? `title #${entry.entityId}`}”`;
  };

  switch (entry.action) {
    case "loan.checkout":
      return ["Checked out ", ...loanBook(), ...to("to", loan?.patron), `, due ${day(d.dueAt)}`, ...via()];
    case "loan.checkin": {
      const fine = num(d.fineCents) ?? 0;
      return ["Checked in ", ...(loan ? bookAndCopy(loan.copy) : copyOrBarcode()), ...to("from", loan?.patron), ...via(), ...(fine > 0 ? [`; overdue fine ${money(fine)}`] : [])];
    }
    case "loan.renew":
      return ["Renewed ", ...loanBook(), ...to("for", loan?.patron), ` until ${day(d.dueAt)}`, ...via()];
    case "fine.charge":
      return [`Charged ${money(d.amountCents)} ${d.kind === "LOST" ? "for a lost copy" : "overdue fine"}`, ...(loan ? [" on ", ...bookAndCopy(loan.copy)] : []), ...to("to", loan?.patron)];
    case "fine.waive": {
      const fine = refs.fines.get(id);
      return [`Refunded ${money(d.amountCents)} of the ${d.kind === "LOST" ? "lost-copy charge" : "charge"}`, ...(fine?.copy ? [" on ", ...bookAndCopy(fine.copy)] : []), ...to("of", fine?.patron), ...(str(d.reason) ? [` (${d.reason})`] : [])];
    }
    case "fine.payment":
      return [`Took a payment of ${money(d.amountCents)} from `, person(), ...via()];
    case "fine.waiver":
      return [`Waived ${money(d.amountCents)} owed by `, person(), ...(str(d.reason) ? [`: ${d.reason}`] : [])];
    case "copy.add":
      return ["Added copy ", ...copyOrBarcode(), ...via()];
    case "copy.update":
      return ["Changed copy ", ...copyOrBarcode(), `: ${[str(d.status) && `status ${String(d.status).toLowerCase().replace(/_/g, " ")}`, str(d.shelfLocation) && `shelf “${d.shelfLocation}”`].filter(Boolean).join(", ")}`];
    case "copy.withdraw":
      return ["Withdrew copy ", ...copyOrBarcode()];
    case "copy.delete":
      return ["Deleted copy ", str(d.barcode) ?? `#${entry.entityId}`, ...(refs.titles.get(num(d.titleId) ?? -1) ? [" of ", titleRef()] : [])];
    case "copy.lost":
      return ["Marked ", ...copyOrBarcode(), " lost"];
    case "hold.place":
    case "hold.cancel":
    case "hold.expire":
    case "hold.ready": {
      const hold = refs.holds.get(id);
      const on: AuditPart[] = hold ? [titleLink(hold.title)] : [`hold #${entry.entityId}`];
      if (entry.action === "hold.place") return ["Placed a hold on ", ...on, ...to("for", hold?.patron), ...via()];
      if (entry.action === "hold.expire") return ["A hold on ", ...on, ...to("for", hold?.patron), " expired uncollected"];
      if (entry.action === "hold.ready") return ["Put ", ...(hold?.copy ? bookAndCopy(hold.copy) : on), " on the hold shelf", ...to("for", hold?.patron)];
      return ["Cancelled a hold on ", ...on, ...to("for", hold?.patron), d.by === "library" ? " (by the library)" : "", ...(str(d.reason) ? [`: ${d.reason}`] : [])];
    }
    case "title.create":
      return ["Added the title ", titleRef(), ...via()];
    case "title.update":
      return ["Edited the title ", titleRef(), ...via()];
    case "title.cover":
      return ["Changed the cover of ", titleRef()];
    case "title.withdraw":
      return ["Withdrew the title ", titleRef(), ...(num(d.copies) ? [` and its ${d.copies} ${d.copies === 1 ? "copy" : "copies"}`] : [])];
    case "title.restore":
      return ["Restored the withdrawn title ", titleRef()];
    case "title.delete":
      return [`Deleted the title “${str(d.title) ?? `#${entry.entityId}`}”`];
    case "catalogue.import":
      return [`Imported a catalogue CSV: ${num(d.adds) ?? 0} added, ${num(d.updates) ?? 0} updated`];
    case "patron.register":
      return ["Registered ", person()];
    case "patron.update":
      return ["Changed the details of ", person(), fieldList(d) ? ` (${fieldList(d)})` : ""];
    case "patron.block":
      return ["Blocked ", person(), ...via(), ...(str(d.reason) ? [`: ${d.reason}`] : [])];
    case "patron.unblock":
      return ["Unblocked ", person()];
    case "patron.password_change":
      return [person(), " changed their password"];
    case "patron.password_reset":
      return ["Reset the password of ", person()];
    case "patron.renew_card":
      return ["Renewed the card of ", person(), ` until ${day(d.to)}`];
    case "patron.history_on":
    case "patron.history_off":
      return [person(), ` turned their reading history ${entry.action === "patron.history_on" ? "on" : "off"}`];
    case "patron.import_add":
      return ["Added ", person(), " from a patron CSV"];
    case "patron.import_update":
      return ["Updated ", person(), " from a patron CSV"];
    case "staff.role_change":
      return ["Changed the role of ", person(), ` from ${String(d.from ?? "?").toLowerCase()} to ${String(d.to ?? "?").toLowerCase()}`];
    case "policy.create":
    case "policy.update": {
      const category = refs.categories.get(id);
      const name = category ? `“${category.name}”` : `#${entry.entityId}`;
      return [entry.action === "policy.create" ? `Added the patron category ${name}` : `Changed the rules of the patron category ${name}${fieldList(d) ? ` (${fieldList(d)})` : ""}`];
    }
    case "policy.rule": {
      const category = typeof d.categoryId === "number" ? refs.categories.get(d.categoryId) : null;
      const who = d.categoryId === null || d.categoryId === undefined ? "all categories" : category ? `“${category.name}”` : `category #${String(d.categoryId)}`;
      return [`Changed the circulation rule of item type #${entry.entityId} for ${who}`];
    }
    case "item_type.create":
      return [`Added the item type “${String(d.name ?? entry.entityId)}”`];
    case "settings.update": {
      const to = d.to && typeof d.to === "object" ? (d.to as Details) : {};
      const from = d.from && typeof d.from === "object" ? (d.from as Details) : {};
      const changed = Object.keys(to).filter((k) => JSON.stringify(to[k]) !== JSON.stringify(from[k]));
      return [`Changed the library settings${changed.length ? ` (${changed.join(", ")})` : ""}`];
    }
    default:
      return [`${entry.action} on ${entry.entityType} ${entry.entityId}`];
  }
}
