import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { anonymiseReturnedLoans } from "@/lib/circulation/anonymise-loans";
import { checkIn } from "@/lib/circulation/check-in";
import { borrowTitle } from "@/lib/circulation/check-out";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { dispatchPendingEmails } from "@/lib/notifications/dispatch-email";
import { resetMailer } from "@/lib/notifications/mailer";
import { runDailyJob } from "@/lib/notifications/daily-job";
import { USED_OR_EXPIRED } from "@/lib/patrons/account-tokens";
import { authenticate } from "@/lib/patrons/authenticate";
import { closeAccount, CLOSED_NAME } from "@/lib/patrons/close-account";
import { completePasswordReset } from "@/lib/patrons/complete-password-reset";
import { confirmEmailChange } from "@/lib/patrons/confirm-email-change";
import { exportAccountData } from "@/lib/patrons/export-account-data";
import { requestEmailChange } from "@/lib/patrons/request-email-change";
import { requestPasswordReset } from "@/lib/patrons/request-password-reset";
import { sessionIsLive, startSession } from "@/lib/patrons/sessions";
import { setKeepHistoryForever } from "@/lib/patrons/set-keep-history";
import { makeUser, resetDatabase } from "../support/database";
import { makeLibrarian, makeTitle } from "../support/fixtures";
import { readableMail } from "../support/mail";

// Emailed links go through the dispatcher to a real SMTP server, read back as a person would.
type Received = { to: string[]; text: string };
const received: Received[] = [];
let server: SMTPServer;
let port = 0;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString()));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), text: readableMail(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  port = (server.server.address() as { port: number }).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const PASSWORD = "correct horse battery";
const NEW_PASSWORD = "a brand new passphrase";
const HOUR = 3_600_000;
const DAY = 86_400_000;
const T0 = new Date("2026-03-02T10:00:00Z");

beforeEach(async () => {
  await resetDatabase();
  received.length = 0;
  process.env.APP_URL = "http://library.test";
  process.env.SMTP_HOST = "127.0.0.1";
  process.env.SMTP_PORT = String(port);
  process.env.SMTP_IGNORE_TLS = "true";
  resetMailer();
  setClock(T0);
});

afterEach(() => {
  for (const name of ["APP_URL", "SMTP_HOST", "SMTP_PORT", "SMTP_IGNORE_TLS"]) delete process.env[name];
  resetMailer();
  setClock(null);
});

/** Sends what is pending and returns the token of the last link mailed to `address`. */
async function linkMailedTo(address: string, path: string): Promise<string> {
  await dispatchPendingEmails();
  const mail = received.filter((m) => m.to.includes(address)).at(-1);
  expect(mail, `an email to ${address}`).toBeDefined();
  const token = mail!.text.match(new RegExp(`http://library\\.test${path}\\?token=([A-Za-z0-9_-]+)`))?.[1];
  expect(token, "the link in the email").toBeDefined();
  return token!;
}

describe("password reset by email", () => {
  it("mails a single-use link that sets the password and ends the account's sessions; the outbox never shows it", async () => {
    const user = await makeUser();
    const session = await startSession(user.id);
    await requestPasswordReset({ email: user.email.toUpperCase(), address: "10.0.0.1" });
    const token = await linkMailedTo(user.email, "/reset-password");
    const [row] = await db.notification.findMany({ where: { userId: user.id } });
    expect(row).toMatchObject({ channel: "EMAIL", status: "SENT", secretLink: null });
    expect(row.body).not.toContain(token);
    expect(await db.accountToken.count({ where: { tokenHash: token } })).toBe(0);

    await completePasswordReset({ token, newPassword: NEW_PASSWORD });
    expect(await sessionIsLive({ sessionId: session, userId: user.id })).toBe(false);
    expect(await authenticate({ identifier: user.email, password: NEW_PASSWORD, address: "10.0.0.1" })).toMatchObject({ kind: "ok" });
    expect(await authenticate({ identifier: user.email, password: PASSWORD, address: "10.0.0.2" })).toMatchObject({ kind: "invalid" });
    await expect(completePasswordReset({ token, newPassword: "yet another passphrase" })).rejects.toMatchObject({ message: USED_OR_EXPIRED });
  });

  it("a link works for an hour by the library's clock, not after", async () => {
    const user = await makeUser();
    await requestPasswordReset({ email: user.email, address: "10.0.0.1" });
    const expired = await linkMailedTo(user.email, "/reset-password");
    setClock(new Date(T0.getTime() + HOUR + 1000));
    await expect(completePasswordReset({ token: expired, newPassword: NEW_PASSWORD })).rejects.toMatchObject({ code: "REFUSED", message: USED_OR_EXPIRED });
    await requestPasswordReset({ email: user.email, address: "10.0.0.1" });
    const fresh = await linkMailedTo(user.email, "/reset-password");
    setClock(new Date(T0.getTime() + 2 * HOUR - 60_000));
    await expect(completePasswordReset({ token: fresh, newPassword: NEW_PASSWORD })).resolves.toMatchObject({ userId: user.id });
  });

  it("two submissions of one link at once: exactly one sets the password", async () => {
    const user = await makeUser();
    await requestPasswordReset({ email: user.email, address: "10.0.0.1" });
    const token = await linkMailedTo(user.email, "/reset-password");
    const outcomes = await Promise.allSettled([
      completePasswordReset({ token, newPassword: "first racing password" }),
      completePasswordReset({ token, newPassword: "second racing password" }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.find((o) => o.status === "rejected")).toMatchObject({ reason: { message: USED_OR_EXPIRED } });
  });

  it("answers the same for an unknown email, and sends nothing", async () => {
    await makeUser();
    await expect(requestPasswordReset({ email: "nobody@nowhere.test", address: "10.0.0.1" })).resolves.toBeUndefined();
    expect(await db.notification.count()).toBe(0);
    expect(await db.accountToken.count()).toBe(0);
  });

  it("is throttled per network address, and sends an account only a few links an hour", async () => {
    const user = await makeUser();
    for (let i = 0; i < 3; i++) await requestPasswordReset({ email: user.email, address: "10.0.0.1" });
    // A fourth request gets the same answer but no email: the three links sent still work.
    await requestPasswordReset({ email: user.email, address: "10.0.0.1" });
    expect(await db.notification.count({ where: { userId: user.id } })).toBe(3);
    for (let i = 4; i < 10; i++) await requestPasswordReset({ email: `someone${i}@nowhere.test`, address: "10.0.0.1" });
    await expect(requestPasswordReset({ email: user.email, address: "10.0.0.1" })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    // Another address is not shut out.
    await expect(requestPasswordReset({ email: "other@nowhere.test", address: "10.0.0.2" })).resolves.toBeUndefined();
  });

  it("works for a staff account's own email too", async () => {
    const admin = await makeUser({ role: "ADMIN", categoryCode: "STAFF" });
    await requestPasswordReset({ email: admin.email, address: "10.0.0.1" });
    const token = await linkMailedTo(admin.email, "/reset-password");
    await completePasswordReset({ token, newPassword: NEW_PASSWORD });
    expect(await authenticate({ identifier: admin.email, password: NEW_PASSWORD, address: "10.0.0.1" })).toMatchObject({ kind: "ok" });
  });
});

describe("email change", () => {
  it("changes the address only when the link sent to the new one is followed, and tells the old one", async () => {
    const user = await makeUser();
    await expect(requestEmailChange({ userId: user.id, newEmail: "moved@new.test", currentPassword: "wrong password" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await requestEmailChange({ userId: user.id, newEmail: "moved@new.test", currentPassword: PASSWORD });
    const token = await linkMailedTo("moved@new.test", "/confirm-email");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
    await confirmEmailChange({ token });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe("moved@new.test");
    await dispatchPendingEmails();
    const told = received.find((m) => m.to.includes(user.email));
    expect(told?.text).toContain("now uses moved@new.test");
    await expect(confirmEmailChange({ token })).rejects.toMatchObject({ message: USED_OR_EXPIRED });
  });
});

/** A loan borrowed by `patron` at `out` and returned at `back`. */
async function pastLoan(patronId: number, librarianId: number, out: Date, back: Date) {
  const book = await makeTitle();
  setClock(out);
  const { loanId } = await borrowTitle({ patronId, titleId: book.id });
  setClock(back);
  await checkIn({ barcode: book.copies[0].barcode, actorId: librarianId });
  return loanId;
}

describe("anonymising returned loans", () => {
  it("after 30 days leaves no patron on older returned loans or their audit entries, except for patrons who keep their history or still owe a fine", async () => {
    const librarian = await makeLibrarian();
    const [reader, keeper, debtor] = [await makeUser(), await makeUser(), await makeUser()];
    await setKeepHistoryForever({ patronId: keeper.id, forever: true });
    const at = (days: number) => new Date(T0.getTime() - days * DAY);
    const old = await pastLoan(reader.id, librarian.id, at(60), at(45));
    const recent = await pastLoan(reader.id, librarian.id, at(20), at(10));
    const kept = await pastLoan(keeper.id, librarian.id, at(60), at(45));
    // Returned 20 days late: an overdue fine, not yet paid.
    const owed = await pastLoan(debtor.id, librarian.id, at(100), at(40));
    const fine = await db.fine.findFirstOrThrow({ where: { loanId: owed } });
    setClock(T0);

    expect(await anonymiseReturnedLoans()).toBe(0); // the setting is off by default
    await db.librarySettings.upsert({ where: { id: 1 }, create: { id: 1, anonymiseLoansAfterDays: 30 }, update: { anonymiseLoansAfterDays: 30 } });
    const result = await runDailyJob();
    expect(result.privacy.loansAnonymised).toBe(1);

    const cutoff = new Date(T0.getTime() - 30 * DAY);
    const named = await db.loan.findMany({ where: { returnedAt: { lt: cutoff }, patronId: { not: null } }, select: { id: true } });
    expect(named.map((l) => l.id).sort()).toEqual([kept, owed].sort());
    expect((await db.loan.findUniqueOrThrow({ where: { id: recent } })).patronId).toBe(reader.id);
    const oldLoan = await db.loan.findUniqueOrThrow({ where: { id: old } });
    expect(oldLoan).toMatchObject({ patronId: null, returnedAt: at(45), checkedOutAt: at(60) });
    const entries = await db.auditEntry.findMany({ where: { entityType: "Loan", entityId: String(old) } });
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.filter((e) => e.actorId === reader.id || e.details?.includes(`"patronId":${reader.id}`))).toEqual([]);

    // Once the fine is paid the loan goes too; the fine keeps its money facts and its patron.
    await db.fine.update({ where: { id: fine.id }, data: { paidCents: fine.amountCents, settledAt: T0 } });
    expect(await anonymiseReturnedLoans()).toBe(1);
    expect(await db.fine.findUniqueOrThrow({ where: { id: fine.id } })).toMatchObject({ patronId: debtor.id, amountCents: fine.amountCents, paidCents: fine.amountCents });
  });
});

describe("closing an account", () => {
  it("refuses sign-in at once and clears the details once the last book is back", async () => {
    const librarian = await makeLibrarian();
    const patron = await makeUser();
    const book = await makeTitle();
    await borrowTitle({ patronId: patron.id, titleId: book.id });
    const session = await startSession(patron.id);

    expect(await closeAccount({ userId: patron.id })).toMatchObject({ anonymised: false, openLoans: 1 });
    expect(await sessionIsLive({ sessionId: session, userId: patron.id })).toBe(false);
    expect(await authenticate({ identifier: patron.email, password: PASSWORD, address: "10.0.0.1" })).toMatchObject({ kind: "invalid" });
    await expect(borrowTitle({ patronId: patron.id, titleId: (await makeTitle()).id })).rejects.toMatchObject({ code: "REFUSED" });
    expect((await db.user.findUniqueOrThrow({ where: { id: patron.id } })).name).toBe(patron.name);

    await checkIn({ barcode: book.copies[0].barcode, actorId: librarian.id });
    expect((await runDailyJob()).privacy.accountsAnonymised).toBe(1);
    const closed = await db.user.findUniqueOrThrow({ where: { id: patron.id } });
    expect(closed).toMatchObject({ name: CLOSED_NAME, email: null, phone: null, address: null, cardNumber: patron.cardNumber, status: "BLOCKED" });
    expect(await db.loan.count({ where: { patronId: patron.id } })).toBe(0);
    expect(await authenticate({ identifier: patron.cardNumber, password: PASSWORD, address: "10.0.0.1" })).toMatchObject({ kind: "invalid" });
  });

  it("clears at once when nothing is on loan or owed; a staff account is refused", async () => {
    const patron = await makeUser();
    expect(await closeAccount({ userId: patron.id })).toMatchObject({ anonymised: true });
    expect(await db.user.findUniqueOrThrow({ where: { id: patron.id } })).toMatchObject({ name: CLOSED_NAME, email: null });
    const librarian = await makeUser({ role: "LIBRARIAN", categoryCode: "STAFF" });
    await expect(closeAccount({ userId: librarian.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("downloading one's data", () => {
  it("holds the profile, loans, fines and preferences, and no secrets", async () => {
    const patron = await makeUser();
    await borrowTitle({ patronId: patron.id, titleId: (await makeTitle({ title: "Exported Book" })).id });
    const data = await exportAccountData(patron.id);
    expect(data.profile).toMatchObject({ email: patron.email, cardNumber: patron.cardNumber });
    expect(data.loans[0].copy.title.title).toBe("Exported Book");
    expect(JSON.stringify(data)).not.toContain("argon2");
    expect(data).toHaveProperty("fines");
    expect(data).toHaveProperty("holds");
    expect(data).toHaveProperty("notifications");
    expect(data).toHaveProperty("notificationPreferences");
  });
});
