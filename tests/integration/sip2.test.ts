import type { AddressInfo, Server } from "node:net";
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
    expect(field(status!, "BX")).toMatch(/^[YN]{16}$/);
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
