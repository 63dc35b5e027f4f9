import { checkIn } from "../circulation/check-in";
import { checkOutCopy } from "../circulation/check-out";
import { readPatronStanding } from "../circulation/patron-standing";
import { renewLoan } from "../circulation/renew-loan";
import { borrowRefusals, renewalRefusal } from "../circulation/rules";
import { refusalMessage } from "../circulation/messages";
import { now } from "../clock";
import { normaliseCode } from "../codes";
import { db } from "../db";
import { isDomainError } from "../errors";
import { parseMoney } from "../fines/money-input";
import { recordPayment } from "../fines/record-payment";
import { formatMoney } from "../format";
import type { PaymentMethod } from "../generated/sqlite/enums";
import { cancelHold } from "../holds/cancel-hold";
import { placeHold } from "../holds/place-hold";
import { OPEN_HOLD_STATUSES } from "../holds/statuses";
import { authenticate } from "../patrons/authenticate";
import { blockPatron } from "../patrons/block-patron";
import { librarySettingsIn, type LibrarySettings } from "../settings";
import { count, field, formatMessage, parseMessage, sipDate, yn, type OutgoingField, type SipMessage } from "./codec";
import { authenticateDevice, currentDevice, type SipDeviceAccount } from "./devices";
import type { SipOperation } from "./operations";

/** What the connection does after an answer: keep reading, or close (a refused login, a message before login). */
export type SessionReply = { text: string; close?: boolean };

/**
 * The messages this server answers, as the 16 Y/N flags of the 98's BX field, in the spec's
 * order: patron status, checkout, checkin, block patron, SC/ACS status, request resend, login,
 * patron information, end patron session, fee paid, item information, item status update,
 * patron enable, hold, renew, renew all.
 */
export const SUPPORTED_MESSAGES = "YYYYYYYYYYYNNYYY";

/** 37's payment types (SIP2 2.00: 00 cash, 01 VISA, 02 credit card); any later code is "other". */
const PAYMENT_METHODS: Record<string, PaymentMethod> = { "00": "CASH", "01": "CARD", "02": "CARD" };

const COPY_CIRCULATION_STATUS: Record<string, string> = {
  AVAILABLE: "03",
  ON_LOAN: "04",
  ON_HOLD_SHELF: "08",
  LOST: "12",
  DAMAGED: "01",
  WITHDRAWN: "01",
};

type SignedInPatron = { id: number; name: string; cardNumber: string; email: string | null };

/** SIP2 media types (field CK) of the basic item types (lib/library-setup.ts); a type a library adds is 000, other. */
const SIP2_MEDIA_TYPES: Record<string, string> = { BOOK: "001", REFERENCE: "001", MAGAZINE: "002", AUDIOBOOK: "006", DVD: "006" };

/**
 * One SIP2 connection's state: the device signed in with 93, the last answer (for 97 resend) and
 * the patrons verified on it (a kiosk repeats the card and password in every message; argon2 runs
 * once per patron until 35 end session). Every change goes through the desk's lib/ operations.
 */
export class SipSession {
  private device: SipDeviceAccount | null = null;
  private lastReply: string | null = null;
  private readonly patrons = new Map<string, { password: string; patron: SignedInPatron }>();

  constructor(private readonly address: string) {}

  get deviceName(): string | null {
    return this.device?.login ?? null;
  }

  async handle(line: string): Promise<SessionReply> {
    const parsed = parseMessage(line);
    if (!parsed.ok) {
      // 96 asks the device to send its message again: right for a damaged checksum, and for
      // garbage it is a refusal that never acts.
      return { text: formatMessage("96", "", []) };
    }
    const message = parsed.message;
    if (message.code === "97") return { text: this.lastReply ?? formatMessage("96", "", []) };
    const reply = await this.answer(message);
    if (!reply.close) this.lastReply = reply.text;
    return reply;
  }

  private async answer(m: SipMessage): Promise<SessionReply> {
    if (m.code === "93") return this.login(m);
    if (!this.device) return { text: formatMessage("96", "", []), close: true };
    this.device = await currentDevice(this.device);
    if (!this.device) return { text: formatMessage("96", "", []), close: true };
    const settings = await librarySettingsIn(db);
    const at = now();
    switch (m.code) {
      case "99":
        return { text: this.status(m, settings, at) };
      case "23":
        return { text: await this.patronStatus(m, settings, at) };
      case "63":
        return { text: await this.patronInformation(m, settings, at) };
      case "11":
        return { text: await this.checkout(m, settings, at) };
      case "09":
        return { text: await this.checkin(m, settings, at) };
      case "17":
        return { text: await this.itemInformation(m, settings, at) };
      case "29":
        return { text: await this.renew(m, settings, at) };
      case "65":
        return { text: await this.renewAll(m, settings, at) };
      case "15":
        return { text: await this.hold(m, settings, at) };
      case "37":
        return { text: await this.feePaid(m, settings, at) };
      case "01":
        return { text: await this.blockCard(m, settings, at) };
      case "35":
        this.patrons.delete(field(m, "AA").toUpperCase());
        return { text: formatMessage("36", "Y" + sipDate(at, settings.timeZone), [["AO", this.institution], ["AA", field(m, "AA")]], m.sequence) };
      default:
        return { text: formatMessage("96", "", []) };
    }
  }

  private get institution(): string {
    return this.device?.institutionId ?? "";
  }

  private get via(): string {
    return `SIP2, device ${this.device!.login}`;
  }

  private may(operation: SipOperation): boolean {
    return this.device!.operations.has(operation);
  }

  private async login(m: SipMessage): Promise<SessionReply> {
    const outcome = await authenticateDevice(field(m, "CN"), field(m, "CO"), this.address);
    if (outcome.kind === "ok") {
      this.device = outcome.device;
      return { text: formatMessage("94", "1", [], m.sequence) };
    }
    // A throttled device is told no and disconnected, so it cannot keep guessing on one connection.
    return { text: formatMessage("94", "0", [], m.sequence), close: outcome.kind === "throttled" };
  }

  private status(m: SipMessage, settings: LibrarySettings, at: Date): string {
    const fixed = `YYYYNN030003${sipDate(at, settings.timeZone)}2.00`;
    return formatMessage("98", fixed, [["AO", this.institution], ["AM", settings.name], ["BX", SUPPORTED_MESSAGES], ["AN", this.device!.location || undefined]], m.sequence);
  }

  /** The patron named by AA, verified with AD (their password); null when the card or password is wrong. */
  private async patron(m: SipMessage): Promise<{ patron: SignedInPatron | null; cardKnown: boolean }> {
    const card = field(m, "AA").trim().toUpperCase();
    const password = field(m, "AD");
    if (!card) return { patron: null, cardKnown: false };
    const known = this.patrons.get(card);
    if (known && known.password === password) return { patron: known.patron, cardKnown: true };
    // Every try is counted by the sign-in throttle, an unknown card too, so cards cannot be guessed unthrottled.
    const [outcome, cardKnown] = await Promise.all([
      authenticate({ identifier: card, password, address: this.address }),
      db.user.count({ where: { cardNumber: card } }).then((n) => n === 1),
    ]);
    if (outcome.kind !== "ok") return { patron: null, cardKnown };
    const patron = { id: outcome.user.id, name: outcome.user.name, cardNumber: card, email: outcome.user.email };
    this.patrons.set(card, { password, patron });
    return { patron, cardKnown };
  }

  /** The 14 patron status flags, with a screen message saying why borrowing is refused. */
  private async standing(patronId: number, settings: LibrarySettings, at: Date) {
    const read = await readPatronStanding(db, patronId, at);
    const { standing, policy } = read!;
    const refusals = borrowRefusals(standing, policy, at);
    // The patron-level flag: a loan with renewals left, nobody waiting, whose due date a renewal would move.
    const renewal = renewalRefusal({ standing, renewals: 0, waitingHoldsByOthers: 0, freeCopies: 0, dueAt: at, renewedDueAt: new Date(at.getTime() + 1) }, policy, at);
    const flag = (on: boolean) => (on ? "Y" : " ");
    const denied = refusals.length > 0;
    const flags =
      flag(denied) +
      flag(renewal !== null) +
      flag(false) +
      flag(standing.status === "BLOCKED") +
      flag(false) +
      flag(refusals.some((r) => r.reason === "LOAN_LIMIT")) +
      flag(standing.overdueLoans > 0) +
      flag(false) +
      flag(false) +
      flag(false) +
      flag(refusals.some((r) => r.reason === "FINES_BLOCK")) +
      flag(false) +
      flag(false) +
      flag(false);
    const screen = refusals.length ? refusalMessage(refusals[0], settings.currency) : undefined;
    return { flags, screen, read: read!, denied };
  }

  private money(cents: number): string {
    return (cents / 100).toFixed(2);
  }

  private async patronStatus(m: SipMessage, settings: LibrarySettings, at: Date): Promise<string> {
    const card = field(m, "AA");
    const { patron, cardKnown } = await this.patron(m);
    const head = (flags: string) => `${flags}000${sipDate(at, settings.timeZone)}`;
    if (!patron) {
      return formatMessage("24", head("Y".repeat(4) + " ".repeat(10)), [
        ["AO", this.institution], ["AA", card], ["AE", ""], ["BL", yn(cardKnown)], ["CQ", "N"],
        ["AF", cardKnown ? "Your card number or password is not right." : "That card is not known here."],
      ], m.sequence);
    }
    const s = await this.standing(patron.id, settings, at);
    return formatMessage("24", head(s.flags), [
      ["AO", this.institution], ["AA", patron.cardNumber], ["AE", patron.name], ["BL", "Y"], ["CQ", "Y"],
      ["BH", settings.currency], ["BV", this.money(s.read.standing.unpaidFinesCents)], ["AF", s.screen],
    ], m.sequence);
  }

  private async patronInformation(m: SipMessage, settings: LibrarySettings, at: Date): Promise<string> {
    const card = field(m, "AA");
    const { patron, cardKnown } = await this.patron(m);
    const date = sipDate(at, settings.timeZone);
    if (!patron || !this.may("patron")) {
      return formatMessage("64", "Y".repeat(4) + " ".repeat(10) + "000" + date + count(0).repeat(6), [
        ["AO", this.institution], ["AA", card], ["AE", ""], ["BL", yn(cardKnown)], ["CQ", "N"],
        ["AF", !patron ? "Your card number or password is not right." : "This device may not show patron information."],
      ], m.sequence);
    }
    const s = await this.standing(patron.id, settings, at);
    const [loans, holds, fines] = await Promise.all([
      db.loan.findMany({ where: { patronId: patron.id, returnedAt: null }, select: { dueAt: true, copy: { select: { barcode: true } } }, orderBy: { dueAt: "asc" } }),
      db.hold.findMany({ where: { patronId: patron.id, status: { in: ["WAITING", "READY"] } }, select: { status: true, title: { select: { title: true } } }, orderBy: { id: "asc" } }),
      db.fine.findMany({ where: { patronId: patron.id, settledAt: null }, select: { amountCents: true, paidCents: true, waivedCents: true, description: true }, orderBy: { id: "asc" } }),
    ]);
    const overdue = loans.filter((l) => l.dueAt < at);
    const ready = holds.filter((h) => h.status === "READY");
    const waiting = holds.filter((h) => h.status !== "READY");
    // The summary's Y picks which list is sent: hold, overdue, charged, fine, recall, unavailable holds.
    const summary = m.fixed.slice(21, 31);
    const wanted = (i: number) => summary[i] === "Y";
    const list = (id: string, values: string[]): OutgoingField[] => values.map((v) => [id, v]);
    const fixed = `${s.flags}000${date}${count(ready.length)}${count(overdue.length)}${count(loans.length)}${count(fines.length)}${count(0)}${count(waiting.length)}`;
    return formatMessage("64", fixed, [
      ["AO", this.institution], ["AA", patron.cardNumber], ["AE", patron.name], ["BL", "Y"], ["CQ", "Y"],
      ["BZ", count(s.read.policy.maxHolds)], ["CB", count(s.read.policy.maxLoans)],
      ["BH", settings.currency], ["BV", this.money(s.read.standing.unpaidFinesCents)], ["BE", patron.email ?? ""],
      ...(wanted(0) ? list("AS", ready.map((h) => h.title.title)) : []),
      ...(wanted(1) ? list("AT", overdue.map((l) => l.copy.barcode)) : []),
      ...(wanted(2) ? list("AU", loans.map((l) => l.copy.barcode)) : []),
      ...(wanted(3) ? list("AV", fines.map((f) => `${this.money(f.amountCents - f.paidCents - f.waivedCents)} ${f.description}`)) : []),
      ...(wanted(5) ? list("CD", waiting.map((h) => h.title.title)) : []),
      ["AF", s.screen],
    ], m.sequence);
  }

  private async checkout(m: SipMessage, settings: LibrarySettings, at: Date): Promise<string> {
    const barcode = field(m, "AB");
    const date = sipDate(at, settings.timeZone);
    const refuse = (screen: string) =>
      formatMessage("12", `0NUN${date}`, [["AO", this.institution], ["AA", field(m, "AA")], ["AB", barcode], ["AJ", ""], ["AH", ""], ["AF", screen]], m.sequence);
    if (!this.may("checkout")) return refuse("This device may not check books out.");
    const { patron } = await this.patron(m);
    if (!patron) return refuse("Your card number or password is not right.");
    try {
      const loan = await checkOutCopy({ patronId: patron.id, barcode, actorId: patron.id, via: this.via });
      return formatMessage("12", `1NNY${date}`, [
        ["AO", this.institution], ["AA", patron.cardNumber], ["AB", loan.copy.barcode], ["AJ", loan.title.title],
        ["AH", sipDate(loan.dueAt, settings.timeZone)], ["AF", `Due back ${loan.dueAt.toLocaleDateString("en-GB", { timeZone: settings.timeZone, day: "numeric", month: "long", year: "numeric" })}.`],
      ], m.sequence);
    } catch (e) {
      if (isDomainError(e)) return refuse(e.message);
      throw e;
    }
  }

  private async checkin(m: SipMessage, settings: LibrarySettings, at: Date): Promise<string> {
    const barcode = field(m, "AB");
    const date = sipDate(at, settings.timeZone);
    const refuse = (screen: string) => formatMessage("10", `0NUN${date}`, [["AO", this.institution], ["AB", barcode], ["AQ", ""], ["AF", screen]], m.sequence);
    if (!this.may("checkin")) return refuse("This device may not check books in.");
    try {
      const back = await checkIn({ barcode, actorId: null, via: this.via });
      const copy = await db.copy.findUniqueOrThrow({ where: { id: back.copy.id }, select: { shelfLocation: true } });
      const held = back.routing.kind === "hold-shelf";
      const screen = [
        held ? "Put this book on the hold shelf: a patron reserved it." : "Thank you. This book goes back on the shelf.",
        back.fine ? `A late fine of ${this.money(back.fine.amountCents)} ${settings.currency} was charged.` : "",
      ].filter(Boolean).join(" ");
      // Alert "Y" with alert type 01 (hold for this library) tells a sorter to divert the book.
      return formatMessage("10", `1YN${yn(held)}${date}`, [
        ["AO", this.institution], ["AB", back.copy.barcode], ["AQ", copy.shelfLocation], ["AJ", back.title.title],
        ["AA", back.loan?.patron?.cardNumber], ["CV", held ? "01" : undefined], ["AF", screen],
      ], m.sequence);
    } catch (e) {
      if (isDomainError(e)) return refuse(e.message);
      throw e;
    }
  }

  private async itemInformation(m: SipMessage, settings: LibrarySettings, at: Date): Promise<string> {
    const barcode = normaliseCode(field(m, "AB"));
    const date = sipDate(at, settings.timeZone);
    const copy = this.may("item")
      ? await db.copy.findUnique({
          where: { barcode },
          select: {
            status: true, shelfLocation: true, itemTypeCode: true, title: { select: { title: true, _count: { select: { holds: { where: { status: "WAITING" } } } } } },
            loans: { where: { returnedAt: null }, select: { dueAt: true } },
          },
        })
      : null;
    if (!copy) {
      return formatMessage("18", `010001${date}`, [["AB", barcode], ["AJ", ""], ["AF", this.may("item") ? "No copy has that barcode." : "This device may not look up items."]], m.sequence);
    }
    const due = copy.loans[0]?.dueAt;
    return formatMessage("18", `${COPY_CIRCULATION_STATUS[copy.status]}0001${date}`, [
      ["CF", count(copy.title._count.holds)], ["AH", due ? sipDate(due, settings.timeZone) : undefined],
      ["AB", barcode], ["AJ", copy.title.title], ["CK", SIP2_MEDIA_TYPES[copy.itemTypeCode] ?? "000"], ["AQ", copy.shelfLocation], ["AP", copy.shelfLocation],
    ], m.sequence);
  }

  private async renew(m: SipMessage, settings: LibrarySettings, at: Date): Promise<string> {
    const barcode = normaliseCode(field(m, "AB"));
    const date = sipDate(at, settings.timeZone);
    const refuse = (screen: string) =>
      formatMessage("30", `0NUN${date}`, [["AO", this.institution], ["AA", field(m, "AA")], ["AB", barcode], ["AJ", ""], ["AH", ""], ["AF", screen]], m.sequence);
    if (!this.may("renew")) return refuse("This device may not renew loans.");
    const { patron } = await this.patron(m);
    if (!patron) return refuse("Your card number or password is not right.");
    const loan = await db.loan.findFirst({ where: { patronId: patron.id, returnedAt: null, copy: { barcode } }, select: { id: true } });
    if (!loan) return refuse("You have no loan of that copy.");
    try {
      const renewed = await renewLoan({ loanId: loan.id, actorId: patron.id, patronId: patron.id, via: this.via });
      return formatMessage("30", `1YNY${date}`, [
        ["AO", this.institution], ["AA", patron.cardNumber], ["AB", barcode], ["AJ", renewed.title],
        ["AH", sipDate(renewed.dueAt, settings.timeZone)], ["AF", `Renewed. ${renewed.renewalsLeft} renewal${renewed.renewalsLeft === 1 ? "" : "s"} left.`],
      ], m.sequence);
    } catch (e) {
      if (isDomainError(e)) return refuse(e.message);
      throw e;
    }
  }

  private async renewAll(m: SipMessage, settings: LibrarySettings, at: Date): Promise<string> {
    const date = sipDate(at, settings.timeZone);
    const refuse = (screen: string) => formatMessage("66", `0${count(0)}${count(0)}${date}`, [["AO", this.institution], ["AF", screen]], m.sequence);
    if (!this.may("renew")) return refuse("This device may not renew loans.");
    const { patron } = await this.patron(m);
    if (!patron) return refuse("Your card number or password is not right.");
    const loans = await db.loan.findMany({ where: { patronId: patron.id, returnedAt: null }, select: { id: true, copy: { select: { barcode: true } } }, orderBy: { dueAt: "asc" } });
    const renewed: string[] = [];
    const unrenewed: string[] = [];
    let reason: string | undefined;
    for (const loan of loans) {
      try {
        await renewLoan({ loanId: loan.id, actorId: patron.id, patronId: patron.id, via: this.via });
        renewed.push(loan.copy.barcode);
      } catch (e) {
        if (!isDomainError(e)) throw e;
        unrenewed.push(loan.copy.barcode);
        reason ??= e.message;
      }
    }
    return formatMessage("66", `1${count(renewed.length)}${count(unrenewed.length)}${date}`, [
      ["AO", this.institution], ...renewed.map((b): OutgoingField => ["BM", b]), ...unrenewed.map((b): OutgoingField => ["BN", b]), ["AF", reason],
    ], m.sequence);
  }

  /**
   * 15 hold: "+" reserves the title of the copy scanned (AB: SIP2 names a title only by its text,
   * so a copy's barcode is required), "-" cancels the patron's open hold on it; "*" (change) is
   * refused, as a Stacks hold has no pickup location or expiry to change.
   */
  private async hold(m: SipMessage, settings: LibrarySettings, at: Date): Promise<string> {
    const mode = m.fixed[0];
    const barcode = normaliseCode(field(m, "AB"));
    const date = sipDate(at, settings.timeZone);
    const answer = (ok: boolean, screen: string, title?: string, extra: OutgoingField[] = []) =>
      formatMessage("16", `${ok ? "1" : "0"}${yn(ok && mode === "+")}${date}`, [["AO", this.institution], ["AA", field(m, "AA")], ["AB", barcode], ["AJ", title], ...extra, ["AF", screen]], m.sequence);
    if (!this.may("hold")) return answer(false, "This device may not place holds.");
    const { patron } = await this.patron(m);
    if (!patron) return answer(false, "Your card number or password is not right.");
    const copy = barcode ? await db.copy.findUnique({ where: { barcode }, select: { titleId: true, title: { select: { title: true } } } }) : null;
    if (!copy) return answer(false, "Scan a copy of the book to reserve.");
    try {
      if (mode === "+") {
        const placed = await placeHold({ patronId: patron.id, titleId: copy.titleId, via: this.via });
        const screen = placed.status === "IN_PROCESS" ? "Reserved: a copy is being set aside for you." : `Reserved: you are number ${placed.position} in the queue.`;
        return answer(true, screen, copy.title.title, [["BR", placed.status === "WAITING" ? placed.position : undefined]]);
      }
      if (mode === "-") {
        const open = await db.hold.findFirst({ where: { patronId: patron.id, titleId: copy.titleId, status: { in: [...OPEN_HOLD_STATUSES] } }, select: { id: true } });
        if (!open) return answer(false, "You have no reservation of this book.", copy.title.title);
        await cancelHold({ holdId: open.id, actorId: patron.id, patronId: patron.id, via: this.via });
        return answer(true, "Your reservation is cancelled.", copy.title.title);
      }
      return answer(false, "Reservations cannot be changed here; cancel and reserve again.", copy.title.title);
    } catch (e) {
      if (isDomainError(e)) return answer(false, e.message, copy.title.title);
      throw e;
    }
  }

  /**
   * 37 fee paid: the patron (card and password, as for a checkout) pays BV towards their open
   * fines, oldest first, or towards the one fine whose number is CG, through the desk's
   * recordPayment. The fee type is not checked (Stacks spreads a payment over fines itself);
   * a currency other than the library's is refused rather than converted.
   */
  private async feePaid(m: SipMessage, settings: LibrarySettings, at: Date): Promise<string> {
    const date = sipDate(at, settings.timeZone);
    const answer = (accepted: boolean, screen: string, card = field(m, "AA")) =>
      formatMessage("38", `${yn(accepted)}${date}`, [["AO", this.institution], ["AA", card], ["BK", field(m, "BK") || undefined], ["AF", screen]], m.sequence);
    if (!this.may("fee")) return answer(false, "This device may not take payments.");
    const { patron } = await this.patron(m);
    if (!patron) return answer(false, "Your card number or password is not right.");
    const currency = m.fixed.slice(22, 25).trim().toUpperCase();
    if (currency && currency !== settings.currency.toUpperCase()) return answer(false, `This library takes payments in ${settings.currency} only.`, patron.cardNumber);
    const amount = parseMoney(field(m, "BV"));
    if (!amount.ok) return answer(false, amount.message, patron.cardNumber);
    const feeId = field(m, "CG").trim();
    if (feeId && !/^\d{1,9}$/.test(feeId)) return answer(false, "That fine is not open.", patron.cardNumber);
    try {
      const paid = await recordPayment({
        patronId: patron.id, amountCents: amount.cents, kind: "PAYMENT", method: PAYMENT_METHODS[m.fixed.slice(20, 22)] ?? "OTHER",
        fineId: feeId ? Number(feeId) : undefined, actorId: null, via: this.via,
      });
      const left = paid.balanceCents > 0 ? `You still owe ${formatMoney(paid.balanceCents, settings.currency)}.` : "You owe nothing now.";
      return answer(true, `Thank you: ${formatMoney(paid.amountCents, settings.currency)} paid. ${left}`, patron.cardNumber);
    } catch (e) {
      if (isDomainError(e)) return answer(false, e.message, patron.cardNumber);
      throw e;
    }
  }

  /**
   * 01 block patron: a kiosk keeps a card left in it (or one reported lost) and blocks it through
   * the desk's blockPatron, with the blocked card message AL as the reason. No patron password
   * comes with it. Answered with a 24 patron status, as the spec says, without the patron's name.
   */
  private async blockCard(m: SipMessage, settings: LibrarySettings, at: Date): Promise<string> {
    const card = field(m, "AA").trim().toUpperCase();
    const head = (flags: string) => `${flags}000${sipDate(at, settings.timeZone)}`;
    const refuse = (screen: string, cardKnown?: boolean) =>
      formatMessage("24", head("Y".repeat(4) + " ".repeat(10)), [
        ["AO", this.institution], ["AA", field(m, "AA")], ["AE", ""], ["BL", cardKnown === undefined ? undefined : yn(cardKnown)], ["AF", screen],
      ], m.sequence);
    if (!this.may("block")) return refuse("This device may not block cards.");
    const user = card ? await db.user.findUnique({ where: { cardNumber: card }, select: { id: true } }) : null;
    if (!user) return refuse("That card is not known here.", false);
    const retained = m.fixed[0] === "Y" ? "Card kept by" : "Card blocked at";
    const reason = field(m, "AL").trim() || `${retained} SIP2 device ${this.device!.login}.`;
    let screen: string;
    try {
      await blockPatron({ patronId: user.id, reason, actorId: null, via: this.via });
      screen = "This card is blocked: please see a member of staff.";
    } catch (e) {
      if (!isDomainError(e)) throw e;
      screen = e.message;
    }
    // A password verified earlier on this connection no longer stands for this card.
    this.patrons.delete(card);
    const s = await this.standing(user.id, settings, at);
    return formatMessage("24", head(s.flags), [
      ["AO", this.institution], ["AA", card], ["AE", ""], ["BL", "Y"],
      ["BH", settings.currency], ["BV", this.money(s.read.standing.unpaidFinesCents)], ["AF", screen],
    ], m.sequence);
  }
}
