import { isForbidden, redirectTarget } from "../support/next-interrupts";
import { inRequest, requestHeaders, TEST_ORIGIN, type Caller } from "../support/request-scope";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { NextRequest } from "next/server";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calendarFeedPath } from "@/lib/calendar/calendar-address";
import { borrowTitle } from "@/lib/circulation/check-out";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/sqlite/client";
import { placeHold } from "@/lib/holds/place-hold";
import { COVER_URL_PREFIX } from "@/lib/catalogue/cover-storage";
import { setTitleCover } from "@/lib/catalogue/set-title-cover";
import { issueToken } from "@/lib/patrons/account-tokens";
import { hashPassword } from "@/lib/patrons/password";
import { newCardNumber } from "@/lib/patrons/card-number";
import { resetDatabase } from "../support/database";
import { makeTitle } from "../support/fixtures";
import { ADULT_FORM } from "../support/policy-form";

// The authorization matrix. Every exported server action (a "use server" module under app/) and
// every route handler (app/**/route.ts) is found in the code and called, in Next's request scope
// with a real Auth.js session cookie, as a visitor, a patron, another patron, a librarian and an
// administrator, each in a fresh library. A new action or handler without a row here fails.

const APP = path.resolve("app");
const PASSWORD = "correct horse battery";
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

const CALLERS = ["visitor", "patron", "otherPatron", "librarian", "admin"] as const;
type CallerName = (typeof CALLERS)[number];

/** What a caller got: sent to sign in (or 401), turned away (forbidden() or 403), refused by the rules (a domain refusal, 404), or served. */
type Outcome = "unauthenticated" | "forbidden" | "refused" | "done";

/**
 * Who may call it. public: anyone. user: anyone signed in, acting for themselves. owner: only
 * the patron the record belongs to ("patron"); anyone else signed in is refused as if the record
 * did not exist. staff: librarians and admins. admin: admins. secret: nobody with a browser
 * session (the scheduler's bearer secret). setup: nobody once the library has an admin.
 */
type Access = "public" | "user" | "patron" | "owner" | "staff" | "admin" | "secret" | "setup";

const EXPECTED: Record<Access, Record<CallerName, Outcome>> = {
  public: { visitor: "done", patron: "done", otherPatron: "done", librarian: "done", admin: "done" },
  user: { visitor: "unauthenticated", patron: "done", otherPatron: "done", librarian: "done", admin: "done" },
  // Patrons acting on their own account (closing it); a staff account is refused by the rules.
  patron: { visitor: "unauthenticated", patron: "done", otherPatron: "done", librarian: "refused", admin: "refused" },
  owner: { visitor: "unauthenticated", patron: "done", otherPatron: "refused", librarian: "refused", admin: "refused" },
  staff: { visitor: "unauthenticated", patron: "forbidden", otherPatron: "forbidden", librarian: "done", admin: "done" },
  admin: { visitor: "unauthenticated", patron: "forbidden", otherPatron: "forbidden", librarian: "forbidden", admin: "done" },
  secret: { visitor: "unauthenticated", patron: "unauthenticated", otherPatron: "unauthenticated", librarian: "unauthenticated", admin: "unauthenticated" },
  setup: { visitor: "refused", patron: "refused", otherPatron: "refused", librarian: "refused", admin: "refused" },
};

/** A fresh library for one call: the five callers, a patron the staff act on, and their records. */
type World = Awaited<ReturnType<typeof makeWorld>>;

let passwordHash = "";
let coverPng: Uint8Array;

async function makeWorld() {
  await resetDatabase();
  // An honour-system library, so a patron's own return is allowed and the matrix sees "done".
  await db.librarySettings.create({ data: { id: 1, selfServiceReturn: true } });
  const [adult, staffCategory] = await Promise.all([
    db.patronCategory.findUniqueOrThrow({ where: { code: "ADULT" } }),
    db.patronCategory.findUniqueOrThrow({ where: { code: "STAFF" } }),
  ]);
  const person = (key: string, role: "PATRON" | "LIBRARIAN" | "ADMIN", status: "ACTIVE" | "BLOCKED" = "ACTIVE") =>
    db.user.create({
      data: { email: `${key}@matrix.test`, name: `Matrix ${key}`, role, status, passwordHash, cardNumber: newCardNumber(), categoryId: role === "PATRON" ? adult.id : staffCategory.id },
    });
  const [patron, otherPatron, librarian, admin, member, blocked] = await Promise.all([
    person("patron", "PATRON"),
    person("other", "PATRON"),
    person("librarian", "LIBRARIAN"),
    person("admin", "ADMIN"),
    person("member", "PATRON"),
    person("blocked", "PATRON", "BLOCKED"),
  ]);

  // The patron's loan and waiting hold; the member's copy set aside, fine and notification; a
  // blocked patron for the desk to unblock.
  const [lent, queued, reservable, shelved, spare, withdrawn] = await Promise.all([
    makeTitle({ title: "Lent Out", copies: 2 }),
    makeTitle({ title: "Queued For" }),
    makeTitle({ title: "All Out" }),
    makeTitle({ title: "Set Aside" }),
    makeTitle({ title: "Spare" }),
    makeTitle({ title: "Weeded" }),
  ]);
  await db.title.update({ where: { id: withdrawn.id }, data: { withdrawnAt: new Date() } });
  const loan = await borrowTitle({ patronId: patron.id, titleId: lent.id });
  // Borrowed 18 days ago and due in 3, so renewing it would move the due date (not "too soon").
  const DAY = 86_400_000;
  await db.loan.update({ where: { id: loan.loanId }, data: { checkedOutAt: new Date(Date.now() - 18 * DAY), dueAt: new Date(Date.now() + 3 * DAY) } });
  await borrowTitle({ patronId: member.id, titleId: queued.id });
  const hold = await placeHold({ patronId: patron.id, titleId: queued.id });
  await borrowTitle({ patronId: member.id, titleId: reservable.id });
  const setAside = await placeHold({ patronId: member.id, titleId: shelved.id });
  const { coverPath } = await setTitleCover({ titleId: spare.id, bytes: coverPng, actorId: admin.id });
  const at = new Date();
  await db.fine.create({ data: { patronId: member.id, kind: "MANUAL", amountCents: 200, description: "Matrix fine", createdAt: at } });
  await db.notification.create({ data: { userId: patron.id, kind: "ACCOUNT", channel: "IN_APP", dedupeKey: "matrix", subject: "Hello", body: "Hello", createdAt: at } });
  const device = await db.sipDevice.create({ data: { login: "matrix-device", passwordHash } });
  const closure = await db.libraryClosure.create({ data: { name: "Matrix holiday", startsOn: "2026-12-25", endsOn: "2026-12-25", yearly: true } });
  const apiKey = await db.apiKey.create({ data: { name: "matrix-key", prefix: "stk_matrix", keyHash: "matrix-key-hash", scopes: "catalogue:read", createdById: admin.id, createdAt: new Date() } });
  const calendarPath = await calendarFeedPath(patron.id);
  const dvd = await db.itemType.findUniqueOrThrow({ where: { code: "DVD" } });
  // Emailed links: a password reset and a new address to confirm, each for the member.
  const [resetToken, emailToken] = await db.$transaction(async (tx) => [
    await issueToken(tx, { userId: member.id, purpose: "PASSWORD_RESET", at: new Date() }),
    await issueToken(tx, { userId: member.id, purpose: "EMAIL_CHANGE", at: new Date(), newEmail: "member-new@matrix.test" }),
  ]);
  return {
    people: { patron, otherPatron, librarian, admin, member, blocked },
    adult,
    dvd,
    loan: { id: loan.loanId, barcode: lent.copies.find((c) => c.id === loan.copy.id)!.barcode },
    availableCopy: lent.copies.find((c) => c.id !== loan.copy.id)!,
    lent,
    hold,
    reservable,
    setAside,
    spare,
    coverName: coverPath.slice(COVER_URL_PREFIX.length),
    device,
    closure,
    apiKey,
    calendarPath,
    withdrawn,
    resetToken,
    emailToken,
  };
}

function form(values: Record<string, string | File>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

function csv(name: string, text: string): File {
  return new File([text], name, { type: "text/csv" });
}

type ActionCall = (w: World) => unknown[];
type ActionRow = { access: Access; args: ActionCall };
type HandlerRow = { access: Access; request: (w: World) => Request; context?: (w: World) => unknown };

// Server actions: "<file under app/>#<export>" → who may call it and a call that succeeds for them.
const ACTIONS: Record<string, ActionRow> = {
  "(auth)/actions.ts#signInAction": { access: "public", args: (w) => [null, form({ identifier: w.people.patron.cardNumber, password: PASSWORD, callbackUrl: "/account" })] },
  "(auth)/actions.ts#registerAction": { access: "public", args: () => [null, form({ name: "New Reader", email: "new-reader@matrix.test", password: PASSWORD })] },
  "(auth)/actions.ts#createFirstAdminAction": { access: "setup", args: () => [null, form({ name: "Usurper", email: "usurper@matrix.test", password: PASSWORD })] },
  "(auth)/actions.ts#changePasswordAction": {
    access: "user",
    args: () => [null, form({ currentPassword: PASSWORD, newPassword: "another horse battery", confirmPassword: "another horse battery" })],
  },
  "(auth)/actions.ts#signOutAction": { access: "public", args: () => [] },
  // The emailed link's token is the credential, whoever holds it.
  "(auth)/actions.ts#forgotPasswordAction": { access: "public", args: (w) => [null, form({ email: w.people.member.email! })] },
  "(auth)/actions.ts#resetPasswordAction": { access: "public", args: (w) => [null, form({ token: w.resetToken, newPassword: "another horse battery", confirmPassword: "another horse battery" })] },
  "(auth)/actions.ts#confirmEmailAction": { access: "public", args: (w) => [null, form({ token: w.emailToken })] },

  "(catalogue)/books/[id]/actions.ts#borrowAction": { access: "user", args: (w) => [null, form({ titleId: String(w.spare.id) })] },
  "(catalogue)/books/[id]/actions.ts#reserveAction": { access: "user", args: (w) => [null, form({ titleId: String(w.reservable.id) })] },

  "account/actions.ts#renewLoanAction": { access: "owner", args: (w) => [null, form({ loanId: String(w.loan.id) })] },
  // Each caller renews only their own loans (another patron has none, so nothing is renewed).
  "account/actions.ts#renewAllLoansAction": { access: "user", args: () => [null, form({})] },
  "account/actions.ts#returnLoanAction": { access: "owner", args: (w) => [null, form({ loanId: String(w.loan.id) })] },
  "account/actions.ts#cancelHoldAction": { access: "owner", args: (w) => [null, form({ holdId: String(w.hold.holdId) })] },
  "account/actions.ts#keepHistoryAction": { access: "user", args: () => [null, form({})] },
  "account/actions.ts#updateProfileAction": { access: "user", args: () => [null, form({ name: "Matrix renamed", phone: "", address: "" })] },
  "account/actions.ts#markReadAction": { access: "user", args: () => [form({})] },
  "account/actions.ts#signOutEverywhereAction": { access: "user", args: () => [] },
  "account/actions.ts#replaceCalendarAddressAction": { access: "user", args: () => [null, form({})] },
  "account/actions.ts#keepHistoryForeverAction": { access: "user", args: () => [null, form({ forever: "on" })] },
  "account/actions.ts#requestEmailChangeAction": { access: "user", args: () => [null, form({ newEmail: "moving@matrix.test", currentPassword: PASSWORD })] },
  "account/actions.ts#closeAccountAction": { access: "patron", args: () => [null, form({})] },
  "account/actions.ts#preferencesAction": { access: "user", args: () => [null, form({ "HOLD_READY.inApp": "on" })] },

  "admin/circulation/actions.ts#deskCheckOutAction": { access: "staff", args: (w) => [null, form({ patronId: String(w.people.member.id), barcode: w.availableCopy.barcode })] },
  "admin/circulation/actions.ts#deskCheckInAction": { access: "staff", args: (w) => [null, form({ barcode: w.loan.barcode })] },
  "admin/circulation/actions.ts#deskRenewAction": { access: "staff", args: (w) => [null, form({ loanId: String(w.loan.id) })] },
  "admin/circulation/actions.ts#deskRegisterPatronAction": {
    access: "staff",
    args: (w) => [null, form({ name: "Matrix Walk-in", email: "", phone: "01234 567890", categoryId: String(w.adult.id), cardNumber: "" })],
  },
  "admin/circulation/actions.ts#deskPaymentAction": { access: "staff", args: (w) => [null, form({ patronId: String(w.people.member.id), amount: "1.00", method: "CASH" })] },
  "admin/circulation/actions.ts#deskWaiverAction": { access: "staff", args: (w) => [null, form({ patronId: String(w.people.member.id), amount: "1.00", reason: "Matrix waiver" })] },
  "admin/circulation/actions.ts#deskMarkLostAction": { access: "staff", args: (w) => [null, form({ barcode: w.loan.barcode })] },

  "admin/devices/actions.ts#createSipDeviceAction": { access: "admin", args: () => [null, form({ login: "matrix-kiosk", password: "matrix-device-password", "op.checkout": "on" })] },
  "admin/devices/actions.ts#setSipDeviceEnabledAction": { access: "admin", args: (w) => [null, form({ deviceId: String(w.device.id), enabled: "false" })] },
  "admin/api-keys/actions.ts#createApiKeyAction": { access: "admin", args: () => [null, form({ name: "Matrix key", "scope.catalogue:read": "on" })] },
  "admin/api-keys/actions.ts#revokeApiKeyAction": { access: "admin", args: (w) => [null, form({ keyId: String(w.apiKey.id) })] },
  "admin/devices/actions.ts#setSipDevicePasswordAction": { access: "admin", args: (w) => [null, form({ deviceId: String(w.device.id), password: "another-device-password" })] },

  "admin/holds/actions.ts#confirmOnHoldShelfAction": { access: "staff", args: (w) => [null, form({ holdId: String(w.setAside.holdId) })] },
  "admin/holds/actions.ts#cancelHoldByLibraryAction": { access: "staff", args: (w) => [null, form({ holdId: String(w.hold.holdId), reason: "Matrix cancel" })] },

  "admin/inventory/actions.ts#createTitleAction": { access: "staff", args: () => [null, form({ title: "Matrix New Title" })] },
  "admin/inventory/actions.ts#updateTitleAction": { access: "staff", args: (w) => [null, form({ titleId: String(w.spare.id), title: "Matrix Renamed" })] },
  "admin/inventory/actions.ts#uploadCoverAction": {
    access: "staff",
    args: (w) => [null, form({ titleId: String(w.spare.id), cover: new File([Buffer.from(coverPng)], "cover.png", { type: "image/png" }) })],
  },
  "admin/inventory/actions.ts#addCopyAction": { access: "staff", args: (w) => [null, form({ titleId: String(w.spare.id), barcode: "", shelfLocation: "" })] },
  "admin/inventory/actions.ts#updateCopyAction": {
    access: "staff",
    args: (w) => [null, form({ copyId: String(w.spare.copies[0].id), shelfLocation: "Matrix shelf", status: "AVAILABLE" })],
  },
  "admin/inventory/actions.ts#withdrawCopyAction": { access: "staff", args: (w) => [null, form({ copyId: String(w.spare.copies[0].id) })] },
  "admin/inventory/actions.ts#deleteCopyAction": { access: "staff", args: (w) => [null, form({ copyId: String(w.spare.copies[0].id) })] },
  "admin/inventory/actions.ts#withdrawTitleAction": { access: "staff", args: (w) => [null, form({ titleId: String(w.spare.id) })] },
  "admin/inventory/actions.ts#restoreTitleAction": { access: "staff", args: (w) => [null, form({ titleId: String(w.withdrawn.id) })] },
  "admin/inventory/actions.ts#deleteTitleAction": { access: "staff", args: (w) => [null, form({ titleId: String(w.spare.id) })] },
  "admin/inventory/actions.ts#previewImportAction": { access: "staff", args: () => [null, form({ file: csv("titles.csv", "title,authors\nMatrix Import,Someone\n") })] },
  "admin/inventory/actions.ts#importCatalogueAction": { access: "staff", args: () => [null, form({ file: csv("titles.csv", "title,authors\nMatrix Import,Someone\n") })] },

  "admin/notifications/actions.ts#sendPendingAction": { access: "staff", args: () => [null, form({})] },
  "admin/notifications/actions.ts#runDailyJobAction": { access: "staff", args: () => [null, form({})] },

  "admin/patrons/actions.ts#updatePatronAction": {
    access: "staff",
    args: (w) => [null, form({ patronId: String(w.people.member.id), name: "Matrix Member", email: "member-renamed@matrix.test", phone: "", address: "", categoryId: String(w.adult.id) })],
  },
  "admin/patrons/actions.ts#blockPatronAction": { access: "staff", args: (w) => [null, form({ patronId: String(w.people.member.id), reason: "Matrix block" })] },
  "admin/patrons/actions.ts#unblockPatronAction": { access: "staff", args: (w) => [null, form({ patronId: String(w.people.blocked.id), note: "" })] },
  "admin/patrons/actions.ts#renewCardAction": { access: "staff", args: (w) => [null, form({ patronId: String(w.people.member.id) })] },
  "admin/patrons/actions.ts#resetPasswordAction": { access: "staff", args: (w) => [null, form({ patronId: String(w.people.member.id) })] },
  "admin/patrons/actions.ts#previewPatronImportAction": { access: "staff", args: () => [null, form({ file: csv("patrons.csv", "name,email,category\nMatrix Imported,imported@matrix.test,ADULT\n") })] },
  "admin/patrons/actions.ts#importPatronsAction": { access: "staff", args: () => [null, form({ file: csv("patrons.csv", "name,email,category\nMatrix Imported,imported@matrix.test,ADULT\n") })] },

  "admin/policies/actions.ts#updatePolicyAction": { access: "admin", args: (w) => [null, form({ categoryId: String(w.adult.id), ...ADULT_FORM })] },
  "admin/policies/actions.ts#createCategoryAction": { access: "admin", args: () => [null, form({ code: "SENIOR", ...ADULT_FORM, name: "Senior" })] },
  "admin/calendar/actions.ts#updateOpeningDaysAction": { access: "admin", args: () => [null, form({ "closed.0": "on", noFinesOnClosedDays: "on" })] },
  "admin/calendar/actions.ts#addClosureAction": { access: "admin", args: () => [null, form({ name: "Matrix closure", startsOn: "2026-08-03", endsOn: "2026-08-14" })] },
  "admin/calendar/actions.ts#removeClosureAction": { access: "admin", args: (w) => [null, form({ closureId: String(w.closure.id) })] },
  "admin/policies/actions.ts#updateRuleAction": {
    access: "admin",
    args: (w) => [
      null,
      form({ categoryId: String(w.adult.id), itemTypeId: String(w.dvd.id), loanPeriodDays: "5", maxLoans: "", maxRenewals: "", fineDailyCents: "", fineGraceDays: "", fineCapCents: "", holdable: "inherit", notForLoan: "inherit" }),
    ],
  },
  "admin/policies/actions.ts#createItemTypeAction": { access: "admin", args: () => [null, form({ code: "BOARD_GAME", name: "Board game" })] },
  "admin/settings/actions.ts#updateSettingsAction": { access: "admin", args: () => [null, form({ name: "Matrix Library", timeZone: "UTC", currency: "EUR", dailyJobTime: "07:30" })] },
  "admin/staff/actions.ts#setRoleAction": { access: "admin", args: (w) => [null, form({ userId: String(w.people.member.id), role: "LIBRARIAN" })] },
};

const get = (url: string) => () => new NextRequest(`${TEST_ORIGIN}${url}`);
const postJson = (url: string, body: (w: World) => unknown) => (w: World) =>
  new NextRequest(`${TEST_ORIGIN}${url}`, { method: "POST", headers: { "content-type": "application/json", origin: TEST_ORIGIN }, body: JSON.stringify(body(w)) });

// Route handlers: "<file under app/>#<method>".
const HANDLERS: Record<string, HandlerRow> = {
  "api/health/route.ts#GET": { access: "public", request: get("/api/health") },
  "api/ready/route.ts#GET": { access: "public", request: get("/api/ready") },
  "api/search/suggestions/route.ts#GET": { access: "public", request: get("/api/search/suggestions?q=ma") },
  "api/covers/[id]/route.ts#GET": { access: "public", request: (w) => get(`/api/covers/${w.spare.id}`)(), context: (w) => ({ params: Promise.resolve({ id: String(w.spare.id) }) }) },
  "api/uploads/[...path]/route.ts#GET": { access: "public", request: (w) => get(`/api/uploads/covers/${w.coverName}`)(), context: (w) => ({ params: Promise.resolve({ path: ["covers", w.coverName] }) }) },
  // Auth.js's own endpoints: sessions and sign-in, its CSRF token guarding every POST.
  "api/auth/[...nextauth]/route.ts#GET": { access: "public", request: get("/api/auth/session") },
  "api/auth/[...nextauth]/route.ts#POST": {
    access: "public",
    request: () => new NextRequest(`${TEST_ORIGIN}/api/auth/signout`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "" }),
  },
  // The signed address is the credential: calendar apps fetch it without a session.
  "api/calendar/[feed]/route.ts#GET": {
    access: "public",
    request: (w) => get(w.calendarPath)(),
    context: (w) => ({ params: Promise.resolve({ feed: w.calendarPath.split("/").pop()! }) }),
  },
  "account/data/route.ts#GET": { access: "user", request: get("/account/data") },
  "api/cron/daily/route.ts#GET": { access: "secret", request: get("/api/cron/daily") },
  "api/cron/dispatch/route.ts#GET": { access: "secret", request: get("/api/cron/dispatch") },
  "api/admin/catalogue.csv/route.ts#GET": { access: "staff", request: get("/api/admin/catalogue.csv") },
  "api/admin/catalogue.mrc/route.ts#GET": { access: "staff", request: get("/api/admin/catalogue.mrc") },
  "api/admin/catalogue.xml/route.ts#GET": { access: "staff", request: get("/api/admin/catalogue.xml") },
  "api/admin/reports/[file]/route.ts#GET": {
    access: "staff",
    request: get("/api/admin/reports/loans-per-month.csv"),
    context: () => ({ params: Promise.resolve({ file: "loans-per-month.csv" }) }),
  },
  "api/circulation/check-in/route.ts#POST": { access: "staff", request: postJson("/api/circulation/check-in", (w) => ({ barcode: w.loan.barcode })) },
  // API v1: catalogue reads are public; the rest takes an API key, which no browser session is ("secret").
  "api/docs/route.ts#GET": { access: "public", request: get("/api/docs") },
  "api/docs/scalar.js/route.ts#GET": { access: "public", request: get("/api/docs/scalar.js") },
  "api/v1/openapi.json/route.ts#GET": { access: "public", request: get("/api/v1/openapi.json") },
  "api/v1/titles/route.ts#GET": { access: "public", request: get("/api/v1/titles?q=spare") },
  "api/v1/titles/route.ts#POST": { access: "secret", request: postJson("/api/v1/titles", () => ({ title: "Matrix Api Title" })) },
  "api/v1/titles/[titleId]/route.ts#GET": { access: "public", request: (w) => get(`/api/v1/titles/${w.spare.id}`)(), context: (w) => ({ params: Promise.resolve({ titleId: String(w.spare.id) }) }) },
  "api/v1/titles/[titleId]/route.ts#PUT": {
    access: "secret",
    request: (w) => new NextRequest(`${TEST_ORIGIN}/api/v1/titles/${w.spare.id}`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ title: "Matrix Api Renamed" }) }),
    context: (w) => ({ params: Promise.resolve({ titleId: String(w.spare.id) }) }),
  },
  "api/v1/titles/[titleId]/copies/route.ts#GET": { access: "public", request: (w) => get(`/api/v1/titles/${w.spare.id}/copies`)(), context: (w) => ({ params: Promise.resolve({ titleId: String(w.spare.id) }) }) },
  "api/v1/titles/[titleId]/copies/route.ts#POST": {
    access: "secret",
    request: (w) => postJson(`/api/v1/titles/${w.spare.id}/copies`, () => ({ barcode: "", shelfLocation: "" }))(w),
    context: (w) => ({ params: Promise.resolve({ titleId: String(w.spare.id) }) }),
  },
  "api/v1/titles/[titleId]/availability/route.ts#GET": {
    access: "public",
    request: (w) => get(`/api/v1/titles/${w.spare.id}/availability`)(),
    context: (w) => ({ params: Promise.resolve({ titleId: String(w.spare.id) }) }),
  },
  "api/v1/patrons/route.ts#GET": { access: "secret", request: get("/api/v1/patrons") },
  "api/v1/loans/route.ts#POST": { access: "secret", request: postJson("/api/v1/loans", (w) => ({ patronId: w.people.member.id, barcode: w.availableCopy.barcode })) },
  "api/v1/loans/[loanId]/renewals/route.ts#POST": {
    access: "secret",
    request: (w) => postJson(`/api/v1/loans/${w.loan.id}/renewals`, () => ({}))(w),
    context: (w) => ({ params: Promise.resolve({ loanId: String(w.loan.id) }) }),
  },
  "api/v1/check-ins/route.ts#POST": { access: "secret", request: postJson("/api/v1/check-ins", (w) => ({ barcode: w.loan.barcode })) },
  "api/v1/holds/route.ts#POST": { access: "secret", request: postJson("/api/v1/holds", (w) => ({ patronId: w.people.member.id, titleId: w.reservable.id })) },
  "api/v1/holds/[holdId]/cancellation/route.ts#POST": {
    access: "secret",
    request: (w) => postJson(`/api/v1/holds/${w.hold.holdId}/cancellation`, () => ({ reason: "Matrix cancel" }))(w),
    context: (w) => ({ params: Promise.resolve({ holdId: String(w.hold.holdId) }) }),
  },
  "api/circulation/check-out/route.ts#POST": {
    access: "staff",
    request: postJson("/api/circulation/check-out", (w) => ({ patronId: w.people.member.id, barcode: w.availableCopy.barcode })),
  },
};

// ---- Found from the code ----

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

const relative = (file: string) => path.relative(APP, file).split(path.sep).join("/");
const load = (file: string) => import(/* @vite-ignore */ pathToFileURL(file).href) as Promise<Record<string, unknown>>;

/** Files whose first statement is the "use server" directive. */
function isServerActionModule(file: string): boolean {
  return /^(\s*(\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*["']use server["']/.test(readFileSync(file, "utf8"));
}

async function exportedActions(): Promise<Map<string, (...args: unknown[]) => Promise<unknown>>> {
  const found = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  for (const file of filesUnder(APP).filter(isServerActionModule)) {
    for (const [name, value] of Object.entries(await load(file))) {
      if (typeof value === "function") found.set(`${relative(file)}#${name}`, value as (...args: unknown[]) => Promise<unknown>);
    }
  }
  return found;
}

async function exportedHandlers(): Promise<Map<string, (request: Request, context?: unknown) => Promise<Response>>> {
  const found = new Map<string, (request: Request, context?: unknown) => Promise<Response>>();
  for (const file of filesUnder(APP).filter((f) => /[\\/]route\.tsx?$/.test(f))) {
    for (const [name, value] of Object.entries(await load(file))) {
      if (HTTP_METHODS.includes(name) && typeof value === "function") found.set(`${relative(file)}#${name}`, value as (request: Request, context?: unknown) => Promise<Response>);
    }
  }
  return found;
}

// ---- Calling ----

function callerOf(w: World, name: CallerName): Caller {
  return name === "visitor" ? null : w.people[name];
}

async function actionOutcome(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    const result = (await run()) as { ok?: boolean } | undefined;
    return result && result.ok === false ? "refused" : "done";
  } catch (e) {
    if (isForbidden(e)) return "forbidden";
    const target = redirectTarget(e);
    if (target === null) throw e;
    // requireUser's "sign in first"; "/sign-in?signedOut=…" after signing out is a success.
    if (target === "/sign-in" || target.startsWith("/sign-in?callbackUrl")) return "unauthenticated";
    return "done";
  }
}

function handlerOutcome(status: number): Outcome {
  if (status === 401) return "unauthenticated";
  if (status === 403) return "forbidden";
  if (status >= 400) return "refused";
  return "done";
}

/**
 * Every table but the sign-in throttle (a sign-in attempt counts, whatever its outcome) and the
 * session rows (each call signs its caller in afresh).
 */
async function snapshot(): Promise<string> {
  const models = Object.values(Prisma.ModelName).filter((name) => name !== "SignInThrottle" && name !== "UserSession");
  const delegates = db as unknown as Record<string, { findMany(): Promise<unknown[]> }>;
  const tables = await Promise.all(models.map((model) => delegates[model[0].toLowerCase() + model.slice(1)].findMany()));
  return JSON.stringify(tables.map((rows) => rows.map((row) => JSON.stringify(row)).sort()));
}

/**
 * Calls one row as each caller; what went wrong, if anything. The refused callers go first, on
 * one library (each refusal must leave it as it was); each caller let through gets a fresh one.
 */
async function runRow(key: string, access: Access, call: (world: World, caller: CallerName) => Promise<Outcome>): Promise<string[]> {
  const failures: string[] = [];
  const order = [...CALLERS].sort((a, b) => Number(EXPECTED[access][a] === "done") - Number(EXPECTED[access][b] === "done"));
  let world: World | null = null;
  let state: string | null = null;
  for (const caller of order) {
    const expected = EXPECTED[access][caller];
    if (!world) [world, state] = [await makeWorld(), null];
    const before = expected === "done" ? null : (state ??= await snapshot());
    const outcome = await call(world, caller);
    if (outcome !== expected) failures.push(`${key} as ${caller}: ${outcome}, expected ${expected}`);
    if (before === null || outcome === "done") world = null;
    else if ((state = await snapshot()) !== before) {
      failures.push(`${key} as ${caller}: ${outcome}, but the database changed`);
      world = null;
    }
  }
  return failures;
}

beforeAll(async () => {
  const scratch = mkdtempSync(path.join(tmpdir(), "stacks-matrix-"));
  process.env.UPLOADS_DIR = path.join(scratch, "uploads");
  process.env.MAIL_OUTBOX_DIR = path.join(scratch, "mail");
  passwordHash = await hashPassword(PASSWORD);
  coverPng = await sharp({ create: { width: 8, height: 12, channels: 3, background: "#17563f" } }).png().toBuffer();
});

afterAll(() => {
  delete process.env.UPLOADS_DIR;
  delete process.env.MAIL_OUTBOX_DIR;
});

describe("authorization matrix", () => {
  it("has a row for every exported server action and route handler, and none for what is gone", async () => {
    const actions = [...(await exportedActions()).keys()].sort();
    const handlers = [...(await exportedHandlers()).keys()].sort();
    expect(actions.length).toBeGreaterThan(30);
    expect(actions, "server actions in the code vs. ACTIONS rows").toEqual(Object.keys(ACTIONS).sort());
    expect(handlers, "route handlers in the code vs. HANDLERS rows").toEqual(Object.keys(HANDLERS).sort());
  });

  it("runs each server action as each caller with the outcome its row expects, changing nothing when refused", async () => {
    const actions = await exportedActions();
    const failures: string[] = [];
    for (const [key, row] of Object.entries(ACTIONS)) {
      const action = actions.get(key);
      if (!action) continue; // reported by the test above
      failures.push(...(await runRow(key, row.access, (world, caller) => inRequest(callerOf(world, caller), () => actionOutcome(() => action(...row.args(world)))))));
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it("runs each route handler as each caller with the outcome its row expects, changing nothing when refused", async () => {
    const handlers = await exportedHandlers();
    const failures: string[] = [];
    for (const [key, row] of Object.entries(HANDLERS)) {
      const handler = handlers.get(key);
      if (!handler) continue;
      failures.push(
        ...(await runRow(key, row.access, async (world, caller) => {
          const who = callerOf(world, caller);
          // The request carries the caller's cookie as their browser would send it.
          const request = row.request(world);
          for (const [name, value] of await requestHeaders(who)) if (!request.headers.has(name)) request.headers.set(name, value);
          const response = await inRequest(who, () => handler(request, row.context?.(world) ?? { params: Promise.resolve({}) }));
          await response.body?.cancel();
          return handlerOutcome(response.status);
        })),
      );
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
