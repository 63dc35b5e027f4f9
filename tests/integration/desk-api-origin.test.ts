import { inRequest, TEST_ORIGIN } from "../support/request-scope";
import { beforeEach, describe, expect, it } from "vitest";
import { POST as checkInPost } from "@/app/api/circulation/check-in/route";
import { POST as checkOutPost } from "@/app/api/circulation/check-out/route";
import { db } from "@/lib/db";
import { makeUser, resetDatabase } from "../support/database";
import { makePatron, makeTitle } from "../support/fixtures";

// The desk's JSON API as another site would reach it from a librarian's browser: a form or a
// fetch from evil.example carries the librarian's cookie, so only where it comes from and what
// it sends can tell it apart.
async function desk() {
  const [librarian, patron, book] = await Promise.all([makeUser({ role: "LIBRARIAN" }), makePatron(), makeTitle()]);
  return { librarian, patron, barcode: book.copies[0].barcode };
}

function post(path: string, body: unknown, headers: Record<string, string>): Request {
  return new Request(`${TEST_ORIGIN}${path}`, { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });
}

const JSON_TYPE = { "content-type": "application/json" };

beforeEach(resetDatabase);

describe("the desk API refuses requests from other sites", () => {
  it.each([
    ["an Origin header of another site", { ...JSON_TYPE, origin: "https://evil.example" }],
    ["an Origin of the same host on another scheme", { ...JSON_TYPE, origin: "https://localhost:3000" }],
    ["an opaque Origin", { ...JSON_TYPE, origin: "null" }],
    ["Sec-Fetch-Site: cross-site", { ...JSON_TYPE, "sec-fetch-site": "cross-site" }],
    ["Sec-Fetch-Site: same-site", { ...JSON_TYPE, "sec-fetch-site": "same-site" }],
  ])("with %s: 403 and no loan", async (_label, headers) => {
    const { librarian, patron, barcode } = await desk();
    const response = await inRequest(librarian, () => checkOutPost(post("/api/circulation/check-out", { patronId: patron.id, barcode }, headers)));
    expect(response.status).toBe(403);
    expect(await db.loan.count()).toBe(0);
    const checkIn = await inRequest(librarian, () => checkInPost(post("/api/circulation/check-in", { barcode }, headers)));
    expect(checkIn.status).toBe(403);
  });

  it.each([
    ["text/plain (what a cross-site form can send)", { "content-type": "text/plain" }],
    ["a form encoding", { "content-type": "application/x-www-form-urlencoded" }],
    ["no content type", {}],
  ])("with %s: 415 and no loan", async (_label, headers) => {
    const { librarian, patron, barcode } = await desk();
    const response = await inRequest(librarian, () => checkOutPost(post("/api/circulation/check-out", JSON.stringify({ patronId: patron.id, barcode }), headers)));
    expect(response.status).toBe(415);
    expect(await db.loan.count()).toBe(0);
  });

  it("a same-origin JSON request (browser or scanner) is served", async () => {
    const { librarian, patron, barcode } = await desk();
    const fromBrowser = { "content-type": "application/json; charset=utf-8", origin: TEST_ORIGIN, "sec-fetch-site": "same-origin" };
    const out = await inRequest(librarian, () => checkOutPost(post("/api/circulation/check-out", { patronId: patron.id, barcode }, fromBrowser)));
    expect(out.status).toBe(201);
    // A scanner or kiosk script sends no browser headers at all.
    const back = await inRequest(librarian, () => checkInPost(post("/api/circulation/check-in", { barcode }, JSON_TYPE)));
    expect(back.status).toBe(200);
    expect(await db.loan.count({ where: { returnedAt: { not: null } } })).toBe(1);
  });
});
