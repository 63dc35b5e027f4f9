import { beforeEach, describe, expect, it } from "vitest";
import { borrowTitle } from "@/lib/circulation/check-out";
import { renewLoan } from "@/lib/circulation/renew-loan";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { placeHold } from "@/lib/holds/place-hold";
import { authenticate } from "@/lib/patrons/authenticate";
import { blockPatron } from "@/lib/patrons/block-patron";
import { changePassword } from "@/lib/patrons/change-password";
import { createFirstAdmin } from "@/lib/patrons/create-first-admin";
import { importPatrons } from "@/lib/patrons/import-patrons";
import { registerPatron } from "@/lib/patrons/register-patron";
import { resetPassword } from "@/lib/patrons/reset-password";
import { endOtherSessions, purgeStaleSignInRecords, sessionIsLive, signOutEverywhere, startSession } from "@/lib/patrons/sessions";
import { setRole } from "@/lib/patrons/set-role";
import { issueSetupCode } from "@/lib/patrons/setup-code";
import { unblockPatron } from "@/lib/patrons/unblock-patron";
import { updatePatron } from "@/lib/patrons/update-patron";
import { makeTitle } from "../support/fixtures";
import { makeUser, resetDatabase } from "../support/database";

beforeEach(resetDatabase);

const PASSWORD = "correct horse battery";
const hours = (n: number) => n * 3_600_000;

async function editOf(id: number) {
  const u = await db.user.findUniqueOrThrow({ where: { id } });
  return { patronId: id, name: "Renamed", email: `renamed-${id}@test.stacks`, phone: null, address: null, categoryId: u.categoryId };
}

describe("staff powers stop at staff", () => {
  it("a librarian cannot reset, edit, block or unblock a librarian or an administrator; nothing changes", async () => {
    const librarian = await makeUser({ role: "LIBRARIAN", categoryCode: "STAFF" });
    const otherLibrarian = await makeUser({ role: "LIBRARIAN", categoryCode: "STAFF" });
    const admin = await makeUser({ role: "ADMIN", categoryCode: "STAFF" });
    for (const target of [otherLibrarian, admin]) {
      await expect(resetPassword({ patronId: target.id, actorId: librarian.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(updatePatron({ input: await editOf(target.id), actorId: librarian.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(blockPatron({ patronId: target.id, reason: "taking over", actorId: librarian.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      const row = await db.user.findUniqueOrThrow({ where: { id: target.id } });
      expect(row).toMatchObject({ name: target.name, email: target.email, status: "ACTIVE", mustChangePassword: false });
      expect(await authenticate({ identifier: target.email, password: PASSWORD, address: "10.1.1.1" })).toMatchObject({ kind: "ok" });
    }
    await db.user.update({ where: { id: admin.id }, data: { status: "BLOCKED", blockedReason: "by an admin" } });
    await expect(unblockPatron({ patronId: admin.id, note: null, actorId: librarian.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a librarian still acts on patrons, and an administrator on staff", async () => {
    const librarian = await makeUser({ role: "LIBRARIAN", categoryCode: "STAFF" });
    const admin = await makeUser({ role: "ADMIN", categoryCode: "STAFF" });
    const patron = await makeUser();
    await updatePatron({ input: await editOf(patron.id), actorId: librarian.id });
    await blockPatron({ patronId: patron.id, reason: "lost card", actorId: librarian.id });
    await unblockPatron({ patronId: patron.id, note: null, actorId: librarian.id });
    expect((await resetPassword({ patronId: patron.id, actorId: librarian.id })).temporaryPassword).toHaveLength(14);
    await updatePatron({ input: await editOf(librarian.id), actorId: admin.id });
    await blockPatron({ patronId: librarian.id, reason: "left the library", actorId: admin.id });
    expect((await db.user.findUniqueOrThrow({ where: { id: librarian.id } })).status).toBe("BLOCKED");
  });

  it("nobody resets their own password through the staff path", async () => {
    const admin = await makeUser({ role: "ADMIN", categoryCode: "STAFF" });
    await expect(resetPassword({ patronId: admin.id, actorId: admin.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a blocked staff member has no staff powers", async () => {
    const librarian = await makeUser({ role: "LIBRARIAN", categoryCode: "STAFF" });
    const admin = await makeUser({ role: "ADMIN", categoryCode: "STAFF" });
    const patron = await makeUser();
    await blockPatron({ patronId: librarian.id, reason: "suspended", actorId: admin.id });
    await expect(resetPassword({ patronId: patron.id, actorId: librarian.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(blockPatron({ patronId: patron.id, reason: "spite", actorId: librarian.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a librarian's import cannot overwrite a staff account, and nothing of the file is imported", async () => {
    const librarian = await makeUser({ role: "LIBRARIAN", categoryCode: "STAFF" });
    const admin = await makeUser({ role: "ADMIN", categoryCode: "STAFF" });
    const csv = `name,email,category\nNew Reader,new-reader@test.stacks,Adult\nNot The Admin,${admin.email},Adult\n`;
    await expect(importPatrons({ csv, actorId: librarian.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.user.findUnique({ where: { email: "new-reader@test.stacks" } })).toBeNull();
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ name: admin.name });
  });

  it("only an active administrator changes roles, even when the lib is called directly", async () => {
    const librarian = await makeUser({ role: "LIBRARIAN", categoryCode: "STAFF" });
    await makeUser({ role: "ADMIN", categoryCode: "STAFF" });
    await expect(setRole({ userId: librarian.id, role: "ADMIN", actorId: librarian.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.user.findUniqueOrThrow({ where: { id: librarian.id } })).role).toBe("LIBRARIAN");
  });

  it("a staff reset gives a one-time password that must be changed, and ends the account's sessions", async () => {
    const librarian = await makeUser({ role: "LIBRARIAN", categoryCode: "STAFF" });
    const patron = await makeUser();
    const session = await startSession(patron.id);
    const { temporaryPassword } = await resetPassword({ patronId: patron.id, actorId: librarian.id });
    expect(await sessionIsLive({ sessionId: session, userId: patron.id })).toBe(false);
    expect(await authenticate({ identifier: patron.email, password: PASSWORD, address: "10.2.2.2" })).toEqual({ kind: "invalid" });
    expect(await authenticate({ identifier: patron.email, password: temporaryPassword, address: "10.2.2.2" })).toMatchObject({ kind: "ok" });
    expect((await db.user.findUniqueOrThrow({ where: { id: patron.id } })).mustChangePassword).toBe(true);
    const next = await startSession(patron.id);
    await changePassword({ userId: patron.id, currentPassword: temporaryPassword, newPassword: "my own new password", sessionId: next });
    expect((await db.user.findUniqueOrThrow({ where: { id: patron.id } })).mustChangePassword).toBe(false);
    expect(await sessionIsLive({ sessionId: next, userId: patron.id })).toBe(true);
  });
});

describe("sessions are revocable", () => {
  it("a password change ends the other sessions and keeps the one that changed it", async () => {
    const patron = await makeUser();
    const laptop = await startSession(patron.id);
    const phone = await startSession(patron.id);
    expect(await sessionIsLive({ sessionId: laptop, userId: patron.id })).toBe(true);
    await changePassword({ userId: patron.id, currentPassword: PASSWORD, newPassword: "a brand new password", sessionId: laptop });
    expect(await sessionIsLive({ sessionId: laptop, userId: patron.id })).toBe(true);
    expect(await sessionIsLive({ sessionId: phone, userId: patron.id })).toBe(false);
  });

  it("a block and a role change end every session of the account", async () => {
    const admin = await makeUser({ role: "ADMIN", categoryCode: "STAFF" });
    const patron = await makeUser();
    const before = await startSession(patron.id);
    await blockPatron({ patronId: patron.id, reason: "unpaid", actorId: admin.id });
    expect(await sessionIsLive({ sessionId: before, userId: patron.id })).toBe(false);
    const staffSession = await startSession(patron.id);
    await setRole({ userId: patron.id, role: "LIBRARIAN", actorId: admin.id });
    expect(await sessionIsLive({ sessionId: staffSession, userId: patron.id })).toBe(false);
  });

  it("sign out everywhere ends every session, this one too; a session is its own user's only", async () => {
    const patron = await makeUser();
    const other = await makeUser();
    const a = await startSession(patron.id);
    const b = await startSession(patron.id);
    expect(await sessionIsLive({ sessionId: a, userId: other.id })).toBe(false);
    await signOutEverywhere(patron.id);
    expect(await sessionIsLive({ sessionId: a, userId: patron.id })).toBe(false);
    expect(await sessionIsLive({ sessionId: b, userId: patron.id })).toBe(false);
  });

  it("staff sessions end after a working day idle, patrons' after 30 days; use keeps them alive", async () => {
    const start = new Date("2026-06-01T08:00:00Z");
    setClock(start);
    const librarian = await makeUser({ role: "LIBRARIAN", categoryCode: "STAFF" });
    const patron = await makeUser();
    const staffSession = await startSession(librarian.id);
    const patronSession = await startSession(patron.id);
    setClock(new Date(start.getTime() + hours(9)));
    expect(await sessionIsLive({ sessionId: staffSession, userId: librarian.id })).toBe(true);
    setClock(new Date(start.getTime() + hours(18)));
    expect(await sessionIsLive({ sessionId: staffSession, userId: librarian.id })).toBe(true);
    setClock(new Date(start.getTime() + hours(29)));
    expect(await sessionIsLive({ sessionId: staffSession, userId: librarian.id })).toBe(false);
    setClock(new Date(start.getTime() + hours(24 * 29)));
    expect(await sessionIsLive({ sessionId: patronSession, userId: patron.id })).toBe(true);
    setClock(new Date(start.getTime() + hours(24 * 60)));
    expect(await sessionIsLive({ sessionId: patronSession, userId: patron.id })).toBe(false);
  });

  it("endOtherSessions keeps only the session named", async () => {
    const patron = await makeUser();
    const keep = await startSession(patron.id);
    const drop = await startSession(patron.id);
    await db.$transaction((tx) => endOtherSessions(tx, patron.id, keep));
    expect(await sessionIsLive({ sessionId: keep, userId: patron.id })).toBe(true);
    expect(await sessionIsLive({ sessionId: drop, userId: patron.id })).toBe(false);
  });
});

describe("a blocked or expired patron signs in but cannot borrow, renew or reserve", () => {
  it("holds for both", async () => {
    const admin = await makeUser({ role: "ADMIN", categoryCode: "STAFF" });
    const blocked = await makeUser();
    const expired = await makeUser();
    const title = await makeTitle({ copies: 3 });
    const other = await makeTitle({ copies: 1 });
    const blockedLoan = await borrowTitle({ patronId: blocked.id, titleId: title.id });
    const expiredLoan = await borrowTitle({ patronId: expired.id, titleId: title.id });
    await blockPatron({ patronId: blocked.id, reason: "lost books", actorId: admin.id });
    await db.user.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 86_400_000) } });
    for (const [patron, loan, reason] of [
      [blocked, blockedLoan, "ACCOUNT_BLOCKED"],
      [expired, expiredLoan, "ACCOUNT_EXPIRED"],
    ] as const) {
      expect(await authenticate({ identifier: patron.email, password: PASSWORD, address: "10.3.3.3" })).toMatchObject({ kind: "ok" });
      await expect(borrowTitle({ patronId: patron.id, titleId: other.id })).rejects.toMatchObject({ reason });
      await expect(renewLoan({ loanId: loan.loanId, actorId: patron.id, patronId: patron.id })).rejects.toMatchObject({ reason });
      await expect(placeHold({ patronId: patron.id, titleId: other.id })).rejects.toMatchObject({ reason });
    }
  });
});

describe("throttling", () => {
  it("50 parallel wrong guesses from one address lock that pair after exactly 5, and the owner still signs in from elsewhere", async () => {
    const patron = await makeUser();
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) => authenticate({ identifier: patron.email, password: `wrong guess ${i}`, address: "203.0.113.9" })),
    );
    expect(outcomes.filter((o) => o.kind === "invalid")).toHaveLength(5);
    expect(outcomes.filter((o) => o.kind === "throttled")).toHaveLength(45);
    expect(await authenticate({ identifier: patron.email, password: PASSWORD, address: "203.0.113.9" })).toEqual({ kind: "throttled" });
    expect(await authenticate({ identifier: patron.email, password: PASSWORD, address: "198.51.100.7" })).toMatchObject({ kind: "ok" });
  });

  it("email and card number are one account: alternating them gives no extra guesses", async () => {
    const patron = await makeUser();
    for (let i = 0; i < 3; i++) await authenticate({ identifier: patron.email, password: "wrong", address: "192.0.2.1" });
    for (let i = 0; i < 2; i++) await authenticate({ identifier: patron.cardNumber, password: "wrong", address: "192.0.2.1" });
    expect(await authenticate({ identifier: patron.cardNumber, password: PASSWORD, address: "192.0.2.1" })).toEqual({ kind: "throttled" });
  });

  it("a pair lock ends with its window", async () => {
    const start = new Date("2026-06-01T08:00:30Z");
    setClock(start);
    const patron = await makeUser();
    for (let i = 0; i < 6; i++) await authenticate({ identifier: patron.email, password: "wrong", address: "192.0.2.2" });
    expect(await authenticate({ identifier: patron.email, password: PASSWORD, address: "192.0.2.2" })).toEqual({ kind: "throttled" });
    setClock(new Date(start.getTime() + 16 * 60_000));
    expect(await authenticate({ identifier: patron.email, password: PASSWORD, address: "192.0.2.2" })).toMatchObject({ kind: "ok" });
  });

  it("registration is throttled per address before any password is hashed", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 14 }, (_, i) => registerPatron({ name: `Bot ${i}`, email: `bot${i}@test.stacks`, password: "a long password", address: "198.51.100.99" })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(Array(4).fill("RATE_LIMITED"));
    expect(await db.user.count()).toBe(10);
    await registerPatron({ name: "Elsewhere", email: "elsewhere@test.stacks", password: "a long password", address: "198.51.100.100" });
  });

  it("password changes are throttled per account", async () => {
    const patron = await makeUser();
    for (let i = 0; i < 5; i++) {
      await expect(changePassword({ userId: patron.id, currentPassword: "not it", newPassword: "whatever password" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    }
    await expect(changePassword({ userId: patron.id, currentPassword: PASSWORD, newPassword: "whatever password" })).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });

  it("old throttle rows and long-idle sessions are cleaned up", async () => {
    const start = new Date("2026-06-01T08:00:00Z");
    setClock(start);
    const patron = await makeUser();
    await authenticate({ identifier: patron.email, password: "wrong", address: "192.0.2.3" });
    await startSession(patron.id);
    expect(await db.signInThrottle.count()).toBeGreaterThan(0);
    setClock(new Date(start.getTime() + hours(2)));
    await purgeStaleSignInRecords();
    expect(await db.signInThrottle.count()).toBe(0);
    expect(await db.userSession.count()).toBe(1);
    setClock(new Date(start.getTime() + hours(24 * 31)));
    await purgeStaleSignInRecords();
    expect(await db.userSession.count()).toBe(0);
  });
});

describe("the first administrator", () => {
  const admin = (email: string) => ({ name: "Head", email, password: "a long password" });

  it("needs the setup code printed at start; a wrong code is refused", async () => {
    const code = await issueSetupCode(db);
    expect(code).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
    await expect(createFirstAdmin({ ...admin("guess@example.org"), setupCode: "AAAA-BBBB-CCCC-DDDD" })).rejects.toMatchObject({
      fields: { setupCode: expect.any(String) },
    });
    const created = await createFirstAdmin({ ...admin("head@example.org"), setupCode: code!.toLowerCase() });
    expect(created.role).toBe("ADMIN");
    expect(await db.setupCode.count()).toBe(0);
    expect(await issueSetupCode(db)).toBeNull();
  });

  it("two setups at once with the right code: exactly one becomes the administrator", async () => {
    const code = (await issueSetupCode(db))!;
    const results = await Promise.allSettled([
      createFirstAdmin({ ...admin("first@example.org"), setupCode: code }),
      createFirstAdmin({ ...admin("second@example.org"), setupCode: code }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { role: "ADMIN" } })).toBe(1);
  });
});
