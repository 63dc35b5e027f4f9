import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { AddressInfo, Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { checkOutCopy } from "@/lib/circulation/check-out";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/patrons/password";
import { placeHold } from "@/lib/holds/place-hold";
import { field } from "@/lib/sip2/codec";
import { createSipDevice } from "@/lib/sip2/create-device";
import { startSipServer } from "@/lib/sip2/server";
import { makeUser, resetDatabase } from "../support/database";
import { makeLibrarian, makePatron, makeTitle } from "../support/fixtures";
import { SipClient } from "../support/sip2-client";

const PASSWORD = "correct horse battery";
let server: Server;
let port: number;
const clients: SipClient[] = [];

beforeAll(async () => {
  server = await startSipServer({ port: 0, host: "127.0.0.1", log: () => undefined });
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(async () => {
  await resetDatabase();
  setClock(new Date("2026-03-02T10:00:00Z"));
  await createSipDevice(db, { login: "kiosk1", password: "kiosk-password", institutionId: "stacks", location: "Main entrance", operations: ["checkout", "checkin", "renew", "patron", "item", "hold"] }, null);
});
afterEach(() => {
  for (const client of clients.splice(0)) client.close();
});

async function connect(): Promise<SipClient> {
  const client = await SipClient.connect(port);
  clients.push(client);
  return client;
}

async function signedIn(): Promise<SipClient> {
  const client = await connect();
  const answer = await client.login("kiosk1", "kiosk-password");
  expect(answer?.fixed).toBe("1");
  return client;
}

async function patronWithCard() {
  const user = await makeUser();
  return db.user.findUniqueOrThrow({ where: { id: user.id } });
}

describe("SIP2 device login", () => {
  it("refuses a wrong password, accepts the right one and records when the device was last seen", async () => {
    const client = await connect();
    expect((await client.login("kiosk1", "wrong"))?.fixed).toBe("0");
    expect((await client.login("kiosk1", "kiosk-password"))?.fixed).toBe("1");
    expect((await db.sipDevice.findUniqueOrThrow({ where: { login: "kiosk1" } })).lastSeenAt).not.toBeNull();
  });

  it("refuses a disabled device", async () => {
    await db.sipDevice.update({ where: { login: "kiosk1" }, data: { enabled: false } });
    expect((await (await connect()).login("kiosk1", "kiosk-password"))?.fixed).toBe("0");
  });

  it("hangs up on a signed-in device at its next message once it is turned off or given a new password", async () => {
    const client = await connect();
    expect((await client.login("kiosk1", "kiosk-password"))?.fixed).toBe("1");
    expect(await client.raw("9900302.00\r")).not.toBeNull();
    await db.sipDevice.update({ where: { login: "kiosk1" }, data: { enabled: false } });
    expect(await client.raw("9900302.00\r")).toBe("96");
    expect(await client.raw("9900302.00\r")).toBeNull();

    await db.sipDevice.update({ where: { login: "kiosk1" }, data: { enabled: true } });
    const again = await connect();
    expect((await again.login("kiosk1", "kiosk-password"))?.fixed).toBe("1");
    await db.sipDevice.update({ where: { login: "kiosk1" }, data: { passwordHash: await hashPassword("a-new-kiosk-password") } });
    expect(await again.raw("9900302.00\r")).toBe("96");
    expect(await again.raw("9900302.00\r")).toBeNull();
  });

  it("throttles repeated failed logins and then hangs up, even for the right password", async () => {
    const client = await connect();
    for (let i = 0; i < 5; i++) expect((await client.login("kiosk1", `guess ${i}`))?.fixed).toBe("0");
    expect((await client.login("kiosk1", "kiosk-password"))?.fixed).toBe("0");
    expect(await client.raw("9900302.00\r")).toBeNull();
  });

  it("refuses a message sent before login and hangs up", async () => {
    const client = await connect();
    expect((await client.patronStatus("X", "y"))?.code).toBe("96");
    expect(await client.raw("9900302.00\r")).toBeNull();
  });

  it("answers SC status with the library's name and the messages it supports", async () => {
    const client = await signedIn();
    const status = await client.send("99", "0030" + "2.00", []);
    expect(status?.code).toBe("98");
    // Everything but item status update and patron enable (positions 11 and 12).
    expect(field(status!, "BX")).toBe("YYYYYYYYYYYNNYYY");
    expect(status!.fixed.slice(-4)).toBe("2.00");
  });
});

describe("SIP2 patrons and circulation", () => {
  it("signs a patron in by card number and password, and says no to a wrong password", async () => {
    const patron = await patronWithCard();
    const client = await signedIn();
    const ok = await client.patronStatus(patron.cardNumber, PASSWORD);
    expect([field(ok!, "BL"), field(ok!, "CQ"), field(ok!, "AE")]).toEqual(["Y", "Y", patron.name]);
    expect(ok!.fixed.slice(0, 14).trim()).toBe("");
    const wrong = await client.patronStatus(patron.cardNumber, "not it");
    expect([field(wrong!, "BL"), field(wrong!, "CQ")]).toEqual(["Y", "N"]);
  });

  it("checks a copy out, renews it and checks it in, each audited as the kiosk's", async () => {
    const [patron, book] = await Promise.all([patronWithCard(), makeTitle({ title: "Middlemarch" })]);
    const barcode = book.copies[0].barcode;
    const client = await signedIn();

    const out = await client.checkout(patron.cardNumber, PASSWORD, barcode);
    expect(out?.code).toBe("12");
    expect(out!.fixed[0]).toBe("1");
    expect(field(out!, "AJ")).toBe("Middlemarch");
    expect(field(out!, "AH")).toMatch(/^\d{8} {4}\d{6}$/);
    expect((await db.copy.findUniqueOrThrow({ where: { barcode } })).status).toBe("ON_LOAN");

    // A week on, so the renewal moves the due date (on the day of checkout it would be too soon).
    setClock(new Date("2026-03-09T10:00:00Z"));
    const renewed = await client.renew(patron.cardNumber, PASSWORD, barcode);
    expect(renewed!.fixed[0]).toBe("1");
    expect((await db.loan.findFirstOrThrow({ where: { copy: { barcode } } })).renewals).toBe(1);

    const back = await client.checkin(barcode);
    expect(back!.fixed.slice(0, 1)).toBe("1");
    expect(field(back!, "AF")).toContain("back on the shelf");
    expect((await db.copy.findUniqueOrThrow({ where: { barcode } })).status).toBe("AVAILABLE");

    const entries = await db.auditEntry.findMany({ where: { action: { in: ["loan.checkout", "loan.renew", "loan.checkin"] } }, orderBy: { id: "asc" } });
    expect(entries.map((e) => [e.action, JSON.parse(e.details!).via])).toEqual([
      ["loan.checkout", "SIP2, device kiosk1"],
      ["loan.renew", "SIP2, device kiosk1"],
      ["loan.checkin", "SIP2, device kiosk1"],
    ]);
  });

  it("tells the kiosk to send a returned copy to the hold shelf when another patron reserved it", async () => {
    const [borrower, waiting, librarian, book] = await Promise.all([makePatron(), makePatron(), makeLibrarian(), makeTitle()]);
    await checkOutCopy({ patronId: borrower.id, barcode: book.copies[0].barcode, actorId: librarian.id });
    await placeHold({ patronId: waiting.id, titleId: book.id });
    const back = await (await signedIn()).checkin(book.copies[0].barcode);
    expect(back!.fixed[0]).toBe("1");
    expect(back!.fixed[3]).toBe("Y");
    expect(field(back!, "CV")).toBe("01");
    expect(field(back!, "AF")).toContain("hold shelf");
    expect((await db.copy.findUniqueOrThrow({ where: { id: book.copies[0].id } })).status).toBe("ON_HOLD_SHELF");
  });

  it("refuses a checkout to a patron with fines over the limit, with the desk's reason as the screen message", async () => {
    const [patron, book] = await Promise.all([patronWithCard(), makeTitle()]);
    await db.fine.create({ data: { patronId: patron.id, kind: "OVERDUE", amountCents: 1000, description: "Late", createdAt: new Date("2026-03-01T10:00:00Z") } });
    const client = await signedIn();
    const status = await client.patronStatus(patron.cardNumber, PASSWORD);
    expect(status!.fixed[0]).toBe("Y");
    expect(status!.fixed[10]).toBe("Y");
    const out = await client.checkout(patron.cardNumber, PASSWORD, book.copies[0].barcode);
    expect(out!.fixed[0]).toBe("0");
    expect(field(out!, "AF")).toMatch(/You owe .*10\.00 in fines/);
    expect(await db.loan.count()).toBe(0);
  });

  it("refuses what the device is not allowed to do", async () => {
    await createSipDevice(db, { login: "vendor", password: "vendor-password", institutionId: "stacks", location: "", operations: ["patron"] }, null);
    const [patron, book] = await Promise.all([patronWithCard(), makeTitle()]);
    const client = await connect();
    await client.login("vendor", "vendor-password");
    const out = await client.checkout(patron.cardNumber, PASSWORD, book.copies[0].barcode);
    expect(out!.fixed[0]).toBe("0");
    expect(await db.loan.count()).toBe(0);
  });

  it("lists a patron's loans in patron information and a copy's status in item information", async () => {
    const [patron, librarian, book] = await Promise.all([patronWithCard(), makeLibrarian(), makeTitle({ title: "Emma" })]);
    await checkOutCopy({ patronId: patron.id, barcode: book.copies[0].barcode, actorId: librarian.id });
    const client = await signedIn();
    const info = await client.send("63", `001${client.now()}  Y       `, [["AO", "stacks"], ["AA", patron.cardNumber], ["AD", PASSWORD]]);
    expect(info?.code).toBe("64");
    expect(info!.fields.get("AU")).toEqual([book.copies[0].barcode]);
    // Charged items count: after patron status (14), language (3) and date (18), hold and overdue counts.
    expect(info!.fixed.slice(43, 47)).toBe("0001");
    const item = await client.send("17", client.now(), [["AO", "stacks"], ["AB", book.copies[0].barcode]]);
    expect(item!.fixed.slice(0, 2)).toBe("04");
    expect(field(item!, "AJ")).toBe("Emma");
    // Media type: a book is 001, a DVD 006.
    expect(field(item!, "CK")).toBe("001");
    const film = await makeTitle({ title: "Emma (1996)", itemTypeCode: "DVD" });
    expect(field((await client.send("17", client.now(), [["AO", "stacks"], ["AB", film.copies[0].barcode]]))!, "CK")).toBe("006");
    // A kiosk that sends the barcode in lower case, with a space, finds the same copy, as the desk does.
    const typed = await client.send("17", client.now(), [["AO", "stacks"], ["AB", ` ${book.copies[0].barcode.toLowerCase()} `]]);
    expect(field(typed!, "AJ")).toBe("Emma");
    expect(field(typed!, "AB")).toBe(book.copies[0].barcode);
  });
});

describe("SIP2 bad input", () => {
  it("asks for a resend of a damaged message and of garbage, and keeps the connection", async () => {
    const client = await signedIn();
    expect(await client.raw("9900302.00AY1AZ0000\r")).toBe("96");
    expect(await client.raw("hello there\r")).toBe("96");
    expect(await client.raw("\u0000\u00ff\u0001\r")).toBe("96");
    expect((await client.send("99", "0030" + "2.00", []))?.code).toBe("98");
  });

  it("resends the last answer on 97", async () => {
    const client = await signedIn();
    const status = await client.send("99", "0030" + "2.00", []);
    const again = await client.raw("97\r");
    expect(again?.startsWith("98")).toBe(true);
    expect(again).toContain(field(status!, "AM"));
  });

  it("hangs up on a line longer than 4 KB", async () => {
    const client = await signedIn();
    const answer = await client.raw("23" + "x".repeat(5000));
    expect(answer === null || answer === "96").toBe(true);
    expect(await client.raw("9900302.00\r")).toBeNull();
  });
});

describe("SIP2 holds", () => {
  it("reserves the title of a scanned copy and cancels the reservation, audited as the kiosk's", async () => {
    const [patron, other, librarian, book] = await Promise.all([patronWithCard(), makePatron(), makeLibrarian(), makeTitle()]);
    await checkOutCopy({ patronId: other.id, barcode: book.copies[0].barcode, actorId: librarian.id });
    const client = await signedIn();
    const placed = await client.send("15", `+${client.now()}`, [["AO", "stacks"], ["AA", patron.cardNumber], ["AD", PASSWORD], ["AB", book.copies[0].barcode]]);
    expect(placed!.fixed[0]).toBe("1");
    expect(field(placed!, "AF")).toContain("number 1 in the queue");
    expect(await db.hold.count({ where: { patronId: patron.id, status: "WAITING" } })).toBe(1);
    const cancelled = await client.send("15", `-${client.now()}`, [["AO", "stacks"], ["AA", patron.cardNumber], ["AD", PASSWORD], ["AB", book.copies[0].barcode]]);
    expect(cancelled!.fixed[0]).toBe("1");
    expect(await db.hold.count({ where: { patronId: patron.id, status: "WAITING" } })).toBe(0);
    const entries = await db.auditEntry.findMany({ where: { action: { in: ["hold.place", "hold.cancel"] } }, orderBy: { id: "asc" } });
    expect(entries.map((e) => JSON.parse(e.details!).via)).toEqual(["SIP2, device kiosk1", "SIP2, device kiosk1"]);
  });
});

describe("SIP2 idle connections", () => {
  it("closes a connection that stays silent past the idle timeout", async () => {
    const quick = await startSipServer({ port: 0, host: "127.0.0.1", idleSeconds: 0.2, log: () => undefined });
    try {
      const client = await SipClient.connect((quick.address() as AddressInfo).port);
      clients.push(client);
      // Nothing is sent: the next thing the client hears is the server hanging up.
      expect(await client.raw("")).toBeNull();
    } finally {
      await new Promise<void>((resolve) => quick.close(() => resolve()));
    }
  });
});

async function signedInAs(login: string, operations: ("fee" | "block" | "patron")[]): Promise<SipClient> {
  await createSipDevice(db, { login, password: `${login}-password`, institutionId: "stacks", location: "Lobby", operations }, null);
  const client = await connect();
  expect((await client.login(login, `${login}-password`))?.fixed).toBe("1");
  return client;
}

async function fine(patronId: number, amountCents: number, createdAt: string) {
  return db.fine.create({ data: { patronId, kind: "OVERDUE", amountCents, description: "Late", createdAt: new Date(createdAt) } });
}

describe("SIP2 fee paid", () => {
  it("records a card payment towards the oldest fines through the desk's operation, audited as the kiosk's", async () => {
    const patron = await patronWithCard();
    const older = await fine(patron.id, 300, "2026-02-01T10:00:00Z");
    const newer = await fine(patron.id, 500, "2026-02-20T10:00:00Z");
    const client = await signedInAs("paykiosk", ["fee"]);
    const paid = await client.feePaid(patron.cardNumber, PASSWORD, "4.00", { paymentType: "02", transactionId: "T-991" });
    expect(paid?.code).toBe("38");
    expect(paid!.fixed[0]).toBe("Y");
    expect(field(paid!, "BK")).toBe("T-991");
    expect(field(paid!, "AF")).toContain("You still owe $4.00");
    const payment = await db.payment.findFirstOrThrow({ where: { patronId: patron.id } });
    expect([payment.kind, payment.method, payment.amountCents, payment.recordedById]).toEqual(["PAYMENT", "CARD", 400, null]);
    const [a, b] = await Promise.all([db.fine.findUniqueOrThrow({ where: { id: older.id } }), db.fine.findUniqueOrThrow({ where: { id: newer.id } })]);
    expect([a.paidCents, a.settledAt !== null, b.paidCents, b.settledAt]).toEqual([300, true, 100, null]);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "fine.payment" } });
    expect(entry.actorId).toBeNull();
    expect(JSON.parse(entry.details!)).toMatchObject({ patronId: patron.id, amountCents: 400, method: "CARD", via: "SIP2, device paykiosk" });
  });

  it("pays the one fine named by the fee identifier, in cash", async () => {
    const patron = await patronWithCard();
    await fine(patron.id, 300, "2026-02-01T10:00:00Z");
    const named = await fine(patron.id, 500, "2026-02-20T10:00:00Z");
    const client = await signedInAs("paykiosk", ["fee"]);
    const paid = await client.feePaid(patron.cardNumber, PASSWORD, "5.00", { feeId: String(named.id) });
    expect(paid!.fixed[0]).toBe("Y");
    expect((await db.fine.findUniqueOrThrow({ where: { id: named.id } })).settledAt).not.toBeNull();
    expect((await db.payment.findFirstOrThrow({ where: { patronId: patron.id } })).method).toBe("CASH");
    expect(await db.fine.count({ where: { patronId: patron.id, settledAt: null } })).toBe(1);
  });

  it("refuses a bad amount, more than is owed, another currency, a fine not theirs, a wrong password and a device not allowed to take payments", async () => {
    const [patron, other] = await Promise.all([patronWithCard(), makePatron()]);
    await fine(patron.id, 300, "2026-02-01T10:00:00Z");
    const othersFine = await fine(other.id, 300, "2026-02-01T10:00:00Z");
    const client = await signedInAs("paykiosk", ["fee"]);
    const refusal = async (answer: Promise<Awaited<ReturnType<SipClient["feePaid"]>>>) => {
      const m = await answer;
      expect(m?.code).toBe("38");
      expect(m!.fixed[0]).toBe("N");
      return field(m!, "AF");
    };
    expect(await refusal(client.feePaid(patron.cardNumber, PASSWORD, "lots"))).toContain("Enter an amount like 2.50");
    expect(await refusal(client.feePaid(patron.cardNumber, PASSWORD, "0.00"))).toContain("above zero");
    expect(await refusal(client.feePaid(patron.cardNumber, PASSWORD, "-1.00"))).toContain("Enter an amount");
    expect(await refusal(client.feePaid(patron.cardNumber, PASSWORD, "3.01"))).toContain("Only $3.00 is owed");
    expect(await refusal(client.feePaid(patron.cardNumber, PASSWORD, "1.00", { currency: "EUR" }))).toContain("in USD only");
    expect(await refusal(client.feePaid(patron.cardNumber, PASSWORD, "1.00", { feeId: String(othersFine.id) }))).toContain("not open");
    expect(await refusal(client.feePaid(patron.cardNumber, "not it", "1.00"))).toContain("not right");
    const kiosk = await signedIn();
    expect(await refusal(kiosk.feePaid(patron.cardNumber, PASSWORD, "1.00"))).toContain("may not take payments");
    expect(await db.payment.count()).toBe(0);
    expect((await db.fine.findFirstOrThrow({ where: { patronId: patron.id } })).paidCents).toBe(0);
  });
});

describe("SIP2 block patron", () => {
  it("blocks a card left in the machine with the device's message as the reason, answering with the patron's status", async () => {
    const patron = await patronWithCard();
    const client = await signedInAs("paykiosk", ["block"]);
    const answer = await client.blockPatron(patron.cardNumber, "Card left in the self-check at 10:02");
    expect(answer?.code).toBe("24");
    // Charge, renewal and hold privileges denied (positions 0, 1, 3).
    expect([answer!.fixed[0], answer!.fixed[1], answer!.fixed[3]]).toEqual(["Y", "Y", "Y"]);
    expect(field(answer!, "BL")).toBe("Y");
    expect(field(answer!, "AE")).toBe("");
    expect(field(answer!, "AF")).toContain("blocked");
    const blocked = await db.user.findUniqueOrThrow({ where: { id: patron.id } });
    expect([blocked.status, blocked.blockedReason]).toEqual(["BLOCKED", "Card left in the self-check at 10:02"]);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "patron.block" } });
    expect(entry.actorId).toBeNull();
    expect(JSON.parse(entry.details!)).toMatchObject({ reason: "Card left in the self-check at 10:02", via: "SIP2, device paykiosk" });

    // A blocked card borrows nothing afterwards, on this connection or another.
    const book = await makeTitle();
    const kiosk = await signedIn();
    expect((await kiosk.checkout(patron.cardNumber, PASSWORD, book.copies[0].barcode))!.fixed[0]).toBe("0");
  });

  it("gives a reason of its own when the device sends no message, and says so when the card is already blocked", async () => {
    const patron = await patronWithCard();
    const client = await signedInAs("paykiosk", ["block"]);
    await client.blockPatron(patron.cardNumber, "");
    expect((await db.user.findUniqueOrThrow({ where: { id: patron.id } })).blockedReason).toBe("Card kept by SIP2 device paykiosk.");
    const again = await client.blockPatron(patron.cardNumber, "Again");
    expect(field(again!, "AF")).toContain("already blocked");
    expect(await db.auditEntry.count({ where: { action: "patron.block" } })).toBe(1);
  });

  it("refuses a device not allowed to block, an unknown card and a staff card", async () => {
    const [patron, librarian] = await Promise.all([patronWithCard(), makeLibrarian()]);
    const kiosk = await signedIn();
    const notAllowed = await kiosk.blockPatron(patron.cardNumber, "Left behind");
    expect(notAllowed?.code).toBe("24");
    expect(field(notAllowed!, "AF")).toContain("may not block cards");
    const client = await signedInAs("paykiosk", ["block"]);
    const unknown = await client.blockPatron("NO-SUCH-CARD", "Left behind");
    expect([field(unknown!, "BL"), field(unknown!, "AF")]).toEqual(["N", "That card is not known here."]);
    const staff = await client.blockPatron(librarian.cardNumber, "Left behind");
    expect(field(staff!, "AF")).toContain("administrator");
    expect(await db.user.count({ where: { status: "BLOCKED" } })).toBe(0);
  });
});

describe("SIP2 over TLS", () => {
  it("speaks SIP2 inside TLS with the configured certificate, and gives a plain connection no answer", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sip2-tls-"));
    const opened: SipClient[] = [];
    try {
      execFileSync("openssl", [
        "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj", "/CN=localhost",
        "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem"),
      ], { stdio: "ignore" });
      const cert = readFileSync(path.join(dir, "cert.pem"), "utf8");
      const secure = await startSipServer({ port: 0, host: "127.0.0.1", log: () => undefined, tls: { cert, key: readFileSync(path.join(dir, "key.pem"), "utf8") } });
      try {
        const securePort = (secure.address() as AddressInfo).port;
        const client = await SipClient.connect(securePort, { tls: { ca: cert } });
        opened.push(client);
        expect((await client.login("kiosk1", "kiosk-password"))?.fixed).toBe("1");
        expect((await client.send("99", "0030" + "2.00", []))?.code).toBe("98");

        const plain = await SipClient.connect(securePort);
        opened.push(plain);
        expect(await plain.raw("9300CNkiosk1|COkiosk-password|\r")).toBeNull();

        // A client that does not trust the certificate never gets as far as sending a password.
        await expect(SipClient.connect(securePort, { tls: {} })).rejects.toThrow();
      } finally {
        // close() waits for open connections to end.
        for (const client of opened) client.close();
        await new Promise<void>((resolve) => secure.close(() => resolve()));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
