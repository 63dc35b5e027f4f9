import { inRequest, TEST_ORIGIN } from "../support/request-scope";
import { Validator } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import * as checkIns from "@/app/api/v1/check-ins/route";
import * as holdCancellation from "@/app/api/v1/holds/[holdId]/cancellation/route";
import * as holds from "@/app/api/v1/holds/route";
import * as renewals from "@/app/api/v1/loans/[loanId]/renewals/route";
import * as loans from "@/app/api/v1/loans/route";
import * as openapiJson from "@/app/api/v1/openapi.json/route";
import * as patrons from "@/app/api/v1/patrons/route";
import * as availability from "@/app/api/v1/titles/[titleId]/availability/route";
import * as copies from "@/app/api/v1/titles/[titleId]/copies/route";
import * as title from "@/app/api/v1/titles/[titleId]/route";
import * as titles from "@/app/api/v1/titles/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { API_SCOPES, type ApiScope } from "@/lib/api-keys/scopes";
import { describeAuditEntry } from "@/lib/audit/describe-entry";
import { db } from "@/lib/db";
import { THROTTLE, throttleWindow } from "@/lib/patrons/sign-in-throttle";
import { makeUser, resetDatabase } from "../support/database";
import { makePatron, makeTitle } from "../support/fixtures";

// The API's contract: the document served at /api/v1/openapi.json is a valid OpenAPI 3.1
// document (checked by a third-party validator), and every operation in it is called through
// its route handler, each answer checked against what the document says for its status:
// the status is documented, and the body matches the documented schema of its content type.

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const ROUTES: Record<string, Record<string, unknown>> = {
  "/titles": titles,
  "/titles/{titleId}": title,
  "/titles/{titleId}/copies": copies,
  "/titles/{titleId}/availability": availability,
  "/patrons": patrons,
  "/loans": loans,
  "/loans/{loanId}/renewals": renewals,
  "/check-ins": checkIns,
  "/holds": holds,
  "/holds/{holdId}/cancellation": holdCancellation,
};

type Doc = { openapi: string; servers: { url: string }[]; paths: Record<string, Record<string, OperationDoc>> };
type OperationDoc = { operationId: string; responses: Record<string, { content?: Record<string, unknown>; headers?: Record<string, unknown> }> };

async function served(): Promise<Doc> {
  const response = openapiJson.GET();
  expect(response.status).toBe(200);
  return (await response.json()) as Doc;
}

let doc: Doc;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const called = new Map<string, Set<number>>();

function operationById(operationId: string): { path: string; method: string; op: OperationDoc } {
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) if (op.operationId === operationId) return { path, method, op };
  }
  throw new Error(`No operation ${operationId} in the document`);
}

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

type Call = { params?: Record<string, string | number>; query?: Record<string, string>; body?: unknown; key?: string; rawBody?: string; contentType?: string };

/** Calls an operation through its route handler and checks the answer against the document. */
async function call(operationId: string, { params = {}, query, body, key, rawBody, contentType = "application/json" }: Call = {}) {
  const { path, method, op } = operationById(operationId);
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));
  const url = new URL(`${doc.servers[0].url}${filled}`, TEST_ORIGIN);
  for (const [name, value] of Object.entries(query ?? {})) url.searchParams.set(name, value);
  const headers: Record<string, string> = {};
  if (key) headers.authorization = `Bearer ${key}`;
  const sent = rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
  if (sent !== undefined) headers["content-type"] = contentType;
  const handler = ROUTES[path]?.[method.toUpperCase()] as Handler | undefined;
  expect(handler, `${method.toUpperCase()} ${path} has a route handler`).toBeTypeOf("function");
  const request = new Request(url, { method: method.toUpperCase(), headers, body: sent });
  const stringParams = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
  const response = await inRequest(null, () => handler!(request, { params: Promise.resolve(stringParams) }));

  const documented = op.responses[String(response.status)];
  expect(documented, `${operationId} answered ${response.status}, which its document does not list`).toBeDefined();
  const text = await response.text();
  const type = response.headers.get("content-type")?.split(";")[0] ?? null;
  const contentTypes = Object.keys(documented.content ?? {});
  if (contentTypes.length === 0) expect(text, `${operationId} ${response.status} has no body`).toBe("");
  else {
    expect(contentTypes, `${operationId} ${response.status} content type`).toContain(type);
    const schemaRef = `openapi#/${pointer("paths", path, method, "responses", String(response.status), "content", type!, "schema")}`;
    const validate = ajv.getSchema(schemaRef) ?? ajv.compile({ $ref: schemaRef });
    const json: unknown = JSON.parse(text);
    expect(validate(json), `${operationId} ${response.status}: ${ajv.errorsText(validate.errors)}\n${text}`).toBe(true);
  }
  for (const header of Object.keys(documented.headers ?? {})) expect(response.headers.get(header), `${operationId} ${response.status} sends ${header}`).not.toBeNull();
  if (!called.has(operationId)) called.set(operationId, new Set());
  called.get(operationId)!.add(response.status);
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

async function world() {
  const admin = await makeUser({ role: "ADMIN", name: "Api Admin" });
  const [patron, lent, free] = await Promise.all([makePatron(), makeTitle({ title: "Lent By Api", copies: 2 }), makeTitle({ title: "Shelved Title" })]);
  const full = await createApiKey({ name: "Discovery", scopes: [...API_SCOPES] }, admin.id);
  return { admin, patron, lent, free, key: full.key, keyId: full.id };
}

beforeEach(async () => {
  await resetDatabase();
  doc ??= await served();
  if (!ajv.getSchema("openapi")) ajv.addSchema(doc, "openapi");
});

afterAll(() => {
  // Every operation in the document was called and answered its documented success at least once.
  const missing = Object.values(doc.paths)
    .flatMap((item) => Object.values(item))
    .filter((op) => {
      const success = Object.keys(op.responses).find((s) => s.startsWith("2"));
      return !called.get(op.operationId)?.has(Number(success));
    })
    .map((op) => op.operationId);
  expect(missing).toEqual([]);
});

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document, served at /api/v1/openapi.json", async () => {
    expect(doc.openapi).toBe("3.1.0");
    const result = await new Validator().validate(doc as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("has a route handler for every operation and an operation for every v1 route handler", () => {
    const documented = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`)).sort();
    const handled = Object.entries(ROUTES).flatMap(([path, mod]) => Object.keys(mod).map((m) => `${m} ${path}`)).sort();
    expect(handled).toEqual(documented);
  });
});

describe("every operation answers as documented", () => {
  it("reads the catalogue without a key, and with a key", async () => {
    const w = await world();
    const page = await call("searchTitles", { query: { q: "Shelved" } });
    expect(page.status).toBe(200);
    expect((page.body!.data as { id: number }[]).map((t) => t.id)).toEqual([w.free.id]);
    expect(page.headers.get("ratelimit-limit")).toBe(String(THROTTLE.apiAddress.limit));
    expect((await call("searchTitles", { query: { available: "true", sort: "title", page: "1" }, key: w.key })).headers.get("ratelimit-limit")).toBe(String(THROTTLE.apiKey.limit));
    expect((await call("getTitle", { params: { titleId: w.lent.id } })).body).toMatchObject({ id: w.lent.id, title: "Lent By Api", availability: { total: 2, available: 2, label: "2 of 2 available" } });
    expect((await call("listCopies", { params: { titleId: w.lent.id } })).body!.data).toHaveLength(2);
    expect((await call("getAvailability", { params: { titleId: w.free.id } })).body).toMatchObject({ total: 1, available: 1 });
    expect((await call("getTitle", { params: { titleId: 999_999 } })).status).toBe(404);
    expect((await call("getAvailability", { params: { titleId: 999_999 } })).status).toBe(404);
    expect((await call("listCopies", { params: { titleId: 999_999 } })).status).toBe(404);
    expect((await call("getTitle", { params: { titleId: "abc" } })).body).toMatchObject({ status: 422, fields: { titleId: expect.any(String) } });
    expect((await call("searchTitles", { query: { page: "0" } })).status).toBe(422);
    // Numbers in the address are digits only; NUL characters are refused before any query.
    expect((await call("getTitle", { params: { titleId: "1e1" } })).status).toBe(422);
    expect((await call("getTitle", { params: { titleId: "99999999999" } })).status).toBe(422);
    expect((await call("searchTitles", { query: { from: "" } })).status).toBe(422);
    expect((await call("searchTitles", { query: { genre: "a\u0000b" } })).body).toMatchObject({ status: 422, reason: "NUL_CHARACTER" });
    expect((await call("searchTitles", { query: { from: "2000", to: "1990" } })).body).toMatchObject({ status: 422, fields: { from: expect.stringContaining("after") } });
  });

  it("catalogues, edits and adds copies with a key, in the key's name", async () => {
    const w = await world();
    const created = await call("createTitle", { key: w.key, body: { title: "Made By Api", subtitle: null, originalTitle: null, authors: ["Ann Author"], genres: ["Poetry"], isbn: "", publisher: null, year: 2020, language: "en", pages: 120, description: null } });
    expect(created.status).toBe(201);
    const id = created.body!.id as number;
    const updated = await call("updateTitle", { key: w.key, params: { titleId: id }, body: { title: "Renamed By Api", subtitle: null, originalTitle: null, authors: ["Ann Author"], genres: [], isbn: "", publisher: null, year: null, language: null, pages: null, description: null } });
    expect(updated.status).toBe(200);
    expect((await call("getTitle", { params: { titleId: id } })).body).toMatchObject({ title: "Renamed By Api", authors: ["Ann Author"] });
    const copy = await call("addCopy", { key: w.key, params: { titleId: id }, body: { barcode: "", shelfLocation: "API shelf" } });
    expect(copy.status).toBe(201);
    expect((await call("addCopy", { key: w.key, params: { titleId: id }, body: { barcode: copy.body!.barcode, shelfLocation: "" } })).body).toMatchObject({ status: 409, reason: "DUPLICATE_BARCODE" });
    expect((await call("updateTitle", { key: w.key, params: { titleId: 999_999 }, body: { title: "Nobody" } })).status).toBe(404);
    expect((await call("createTitle", { key: w.key, body: { title: "" } })).body).toMatchObject({ status: 422, fields: { title: "Enter the title." } });
    expect((await call("createTitle", { key: w.key, body: { title: "Numbers", isbn: 9780000000000 } })).body).toMatchObject({ status: 422, fields: { isbn: expect.any(String) } });
    expect((await call("createTitle", { key: w.key, body: { title: "Bad ISBN", isbn: "978-0-00-000000-1" } })).body).toMatchObject({ status: 422, fields: { isbn: expect.stringContaining("ISBN") } });
    expect((await call("createTitle", { key: w.key, rawBody: "{not json" })).status).toBe(400);
    expect((await call("createTitle", { key: w.key, rawBody: "title=x", contentType: "application/x-www-form-urlencoded" })).status).toBe(415);

    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "title.create" } });
    expect(entry.actorId).toBe(w.admin.id);
    const words = describeAuditEntry(entry, { loans: new Map(), copies: new Map(), titles: new Map(), people: new Map(), holds: new Map(), fines: new Map(), categories: new Map() }, { timeZone: "UTC", currency: "EUR" });
    expect(words.map((p) => (typeof p === "string" ? p : p.text)).join("")).toContain("(via API key Discovery)");
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: w.keyId } })).lastUsedAt).not.toBeNull();
  });

  it("lists patrons and runs the circulation desk's operations", async () => {
    const w = await world();
    const listed = await call("listPatrons", { key: w.key, query: { q: w.patron.name } });
    expect(listed.body).toMatchObject({ total: 1, data: [{ id: w.patron.id, loans: 0 }] });
    expect((await call("listPatrons", { key: w.key, query: { status: "NOBODY" } })).status).toBe(422);

    const [first, second] = w.lent.copies;
    const lent = await call("checkOut", { key: w.key, body: { patronId: w.patron.id, barcode: first.barcode } });
    expect(lent).toMatchObject({ status: 201, body: { patronId: w.patron.id, copy: { barcode: first.barcode } } });
    expect((await call("checkOut", { key: w.key, body: { patronId: w.patron.id, barcode: first.barcode } })).status).toBe(409);
    expect((await call("checkOut", { key: w.key, body: { patronId: w.patron.id, barcode: "NO-SUCH-COPY" } })).status).toBe(404);
    expect((await call("checkOut", { key: w.key, body: { patronId: w.patron.id } })).status).toBe(422);
    expect((await call("checkOut", { key: w.key, body: { patronId: String(w.patron.id), barcode: second.barcode } })).status).toBe(422);
    expect((await call("checkOut", { key: w.key, body: { patronId: 2 ** 40, barcode: second.barcode } })).status).toBe(422);
    const loanId = lent.body!.id as number;
    // Renewing the day it was lent is too soon by the default policy, or renews: either is documented.
    const renewed = await call("renewLoan", { key: w.key, params: { loanId } });
    expect([201, 409]).toContain(renewed.status);
    if (renewed.status !== 201) {
      await db.loan.update({ where: { id: loanId }, data: { checkedOutAt: new Date(Date.now() - 18 * 86_400_000), dueAt: new Date(Date.now() + 3 * 86_400_000) } });
      expect((await call("renewLoan", { key: w.key, params: { loanId } })).status).toBe(201);
    }
    expect((await call("renewLoan", { key: w.key, params: { loanId: 999_999 } })).status).toBe(404);

    // Both copies out: a third patron's hold waits; cancelling a hold needs a reason.
    const [other, reader] = [await makePatron(), await makePatron()];
    await call("checkOut", { key: w.key, body: { patronId: other.id, barcode: second.barcode } });
    const held = await call("placeHold", { key: w.key, body: { patronId: w.patron.id, titleId: w.free.id } });
    expect(held).toMatchObject({ status: 201, body: { status: "IN_PROCESS" } });
    const waiting = await call("placeHold", { key: w.key, body: { patronId: reader.id, titleId: w.lent.id } });
    expect(waiting).toMatchObject({ status: 201, body: { status: "WAITING", position: 1 } });
    expect((await call("placeHold", { key: w.key, body: { patronId: reader.id, titleId: w.lent.id } })).status).toBe(409);
    expect((await call("placeHold", { key: w.key, body: { patronId: reader.id, titleId: 999_999 } })).status).toBe(404);
    expect((await call("cancelHold", { key: w.key, params: { holdId: waiting.body!.id as number }, body: { reason: "" } })).status).toBe(422);

    // The first copy comes back and goes to the hold shelf for the waiting reader.
    const back = await call("checkIn", { key: w.key, body: { barcode: first.barcode } });
    expect(back).toMatchObject({ status: 201, body: { copy: { barcode: first.barcode }, loan: { id: loanId }, routedTo: "hold-shelf", holdId: waiting.body!.id } });
    expect((await call("checkIn", { key: w.key, body: { barcode: "NO-SUCH-COPY" } })).status).toBe(404);
    expect((await call("cancelHold", { key: w.key, params: { holdId: held.body!.id as number }, body: { reason: "Asked by phone" } })).status).toBe(204);
    expect((await call("cancelHold", { key: w.key, params: { holdId: held.body!.id as number }, body: { reason: "Asked by phone" } })).status).not.toBe(204);
    expect((await call("cancelHold", { key: w.key, params: { holdId: 999_999 }, body: { reason: "Asked by phone" } })).status).toBe(404);

    const checkout = await db.auditEntry.findFirstOrThrow({ where: { action: "loan.checkout" } });
    expect(JSON.parse(checkout.details!)).toMatchObject({ via: "API key Discovery" });
  });
});

describe("keys and scopes", () => {
  /** A call each operation accepts from a key that holds its scope (the answer does not matter). */
  function sample(w: Awaited<ReturnType<typeof world>>): Record<string, Call> {
    return {
      searchTitles: {},
      getTitle: { params: { titleId: w.free.id } },
      listCopies: { params: { titleId: w.free.id } },
      getAvailability: { params: { titleId: w.free.id } },
      createTitle: { body: { title: "Should Not Exist" } },
      updateTitle: { params: { titleId: w.free.id }, body: { title: "Should Not Change" } },
      addCopy: { params: { titleId: w.free.id }, body: { barcode: "", shelfLocation: "" } },
      listPatrons: {},
      checkOut: { body: { patronId: w.patron.id, barcode: w.free.copies[0].barcode } },
      checkIn: { body: { barcode: w.free.copies[0].barcode } },
      renewLoan: { params: { loanId: 1 } },
      placeHold: { body: { patronId: w.patron.id, titleId: w.free.id } },
      cancelHold: { params: { holdId: 1 }, body: { reason: "Not allowed" } },
    };
  }

  const scopeOf = (operationId: string): ApiScope => {
    const { op } = operationById(operationId);
    const security = (op as unknown as { security: Record<string, string[]>[] }).security;
    return security.flatMap((s) => s.apiKey ?? [])[0] as ApiScope;
  };

  it("refuses a key without the operation's scope (403) and changes nothing", async () => {
    const w = await world();
    const calls = sample(w);
    const before = await Promise.all([db.title.count(), db.copy.count(), db.loan.count(), db.hold.count()]);
    for (const scope of API_SCOPES) {
      const { key } = await createApiKey({ name: `Only ${scope.replace(":", " ")}`, scopes: [scope] }, w.admin.id);
      for (const [operationId, request] of Object.entries(calls)) {
        if (scopeOf(operationId) === scope) continue;
        const answer = await call(operationId, { ...request, key });
        expect(answer.status, `${operationId} with a ${scope} key`).toBe(403);
        expect(answer.body).toMatchObject({ status: 403, reason: "MISSING_SCOPE", detail: expect.stringContaining(scopeOf(operationId)) });
      }
    }
    expect(await Promise.all([db.title.count(), db.copy.count(), db.loan.count(), db.hold.count()])).toEqual(before);
  });

  it("refuses a write without a key (401), and an unknown or revoked key anywhere", async () => {
    const w = await world();
    for (const [operationId, request] of Object.entries(sample(w))) {
      const publicRead = ["searchTitles", "getTitle", "listCopies", "getAvailability"].includes(operationId);
      if (!publicRead) {
        const answer = await call(operationId, request);
        expect(answer.status, `${operationId} without a key`).toBe(401);
        expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer/);
      }
      expect((await call(operationId, { ...request, key: "stk_not-a-key" })).status, `${operationId} with an unknown key`).toBe(401);
    }
    await revokeApiKey({ keyId: w.keyId, actorId: w.admin.id });
    for (const [operationId, request] of Object.entries(sample(w))) {
      expect((await call(operationId, { ...request, key: w.key })).body, `${operationId} with a revoked key`).toMatchObject({ status: 401, detail: expect.stringContaining("revoked") });
    }
    expect(await db.title.count({ where: { title: "Should Not Exist" } })).toBe(0);
  });

  it("limits each key's requests per minute (429 with Retry-After)", async () => {
    const w = await world();
    const { key, id } = await createApiKey({ name: "Busy", scopes: ["catalogue:read"] }, w.admin.id);
    const { key: windowKey, expiresAt } = throttleWindow("apiKey", `key:${id}`, new Date());
    await db.signInThrottle.create({ data: { key: windowKey, hits: THROTTLE.apiKey.limit, expiresAt } });
    const refused = await call("searchTitles", { key });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("ratelimit-remaining")).toBe("0");
    // Another key, and calls without one, have their own budgets.
    expect((await call("searchTitles", { key: w.key })).status).toBe(200);
    expect((await call("searchTitles")).status).toBe(200);
  });
});
