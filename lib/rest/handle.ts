import type { z } from "zod";
import { authenticateApiKey, type ApiKeyAccount } from "../api-keys/authenticate";
import { now } from "../clock";
import { DomainError, isDomainError } from "../errors";
import { clientAddress } from "../patrons/client-address";
import { overLimit, THROTTLE, throttleWindow } from "../patrons/sign-in-throttle";
import { countAttempt } from "../patrons/throttle-counter";
import { parseInput } from "../validation";
import type { Operation, ProblemStatus } from "./operations";
import { PROBLEM_TITLES } from "./openapi";
import type { Problem } from "./resources";

// The one shell every API v1 route handler runs in: the key and its scope, the rate limit, the
// request checked with the operation's own schemas, then the lib operation; a refusal becomes an
// RFC 9457 problem. Route handlers give only the operation and the call to lib.

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export type ApiCall<O extends Operation> = {
  params: Out<O["params"]>;
  query: Out<O["query"]>;
  body: Out<O["body"]>;
  /** The key that called, or null for a public read without one. */
  key: O extends { public: true } ? ApiKeyAccount | null : ApiKeyAccount;
};

type Answer<O extends Operation> = O["success"]["schema"] extends z.ZodType ? z.input<O["success"]["schema"]> : void;

type RouteContext = { params: Promise<Record<string, string | string[]>> };

/** An RFC 9457 problem detail. */
export function problem(status: ProblemStatus, detail: string, extra: Partial<Problem> = {}, headers: HeadersInit = {}): Response {
  const body: Problem = { type: "about:blank", title: PROBLEM_TITLES[status], status, detail, ...extra };
  return new Response(JSON.stringify(body), { status, headers: { ...headers, "Content-Type": "application/problem+json" } });
}

class Refusal extends Error {
  constructor(readonly response: Response) {
    super("refused");
  }
}

/** The key the request presents (Authorization: Bearer …), null without one; refused when unknown or revoked. */
async function callerKey(request: Request): Promise<ApiKeyAccount | null> {
  const header = request.headers.get("authorization");
  if (header === null) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const key = match ? await authenticateApiKey(match[1]) : null;
  if (!key) {
    // Guessing keys costs the address its budget.
    await countAttempt("apiAddress", clientAddress(request.headers));
    throw new Refusal(problem(401, "This API key is unknown or has been revoked.", { code: "UNAUTHENTICATED" }, { "WWW-Authenticate": 'Bearer error="invalid_token"' }));
  }
  return key;
}

/** Counts the call against the key's (or, without one, the address's) window. */
async function rateLimit(request: Request, key: ApiKeyAccount | null): Promise<Record<string, string>> {
  const kind = key ? "apiKey" : "apiAddress";
  const subject = key ? `key:${key.id}` : clientAddress(request.headers);
  const at = now();
  const hits = await countAttempt(kind, subject, at);
  const { limit } = THROTTLE[kind];
  const headers = { "RateLimit-Limit": String(limit), "RateLimit-Remaining": String(Math.max(0, limit - hits)) };
  if (overLimit(kind, hits)) {
    const retryAfter = Math.max(1, Math.ceil((throttleWindow(kind, subject, at).expiresAt.getTime() - at.getTime()) / 1000));
    throw new Refusal(problem(429, `Too many requests: at most ${limit} a minute ${key ? "per key" : "without a key"}. Try again in ${retryAfter} s.`, { code: "RATE_LIMITED" }, { ...headers, "Retry-After": String(retryAfter) }));
  }
  return headers;
}

async function readBody(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") throw new Refusal(problem(415, "Send the body as application/json.", { code: "UNSUPPORTED_MEDIA_TYPE" }));
  try {
    return await request.json();
  } catch {
    throw new Refusal(problem(400, "The body is not valid JSON.", { code: "BAD_REQUEST" }));
  }
}

/** The operation's schema, after refusing NUL characters, which PostgreSQL cannot store in text. */
function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  if (JSON.stringify(input ?? null).includes("\\u0000")) throw new DomainError("INVALID_INPUT", "Text may not contain NUL characters.", undefined, "NUL_CHARACTER");
  return parseInput(schema, input);
}

/** A route handler for one operation: `export const GET = handle(OPERATIONS.getTitle, async ({ params }) => …)`. */
export function handle<O extends Operation>(op: O, run: (call: ApiCall<O>) => Promise<Answer<O>>) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    let headers: Record<string, string> = {};
    try {
      const key = await callerKey(request);
      if (!key && !op.public) {
        return problem(401, `This operation needs an API key with the scope ${op.scope}: send it as Authorization: Bearer <key>.`, { code: "UNAUTHENTICATED" }, { "WWW-Authenticate": "Bearer" });
      }
      if (key && !key.scopes.has(op.scope)) {
        return problem(403, `The API key ${key.name} may not do this: it needs the scope ${op.scope}.`, { code: "FORBIDDEN", reason: "MISSING_SCOPE" });
      }
      headers = await rateLimit(request, key);
      const params = op.params ? parse(op.params, await context.params) : undefined;
      const query = op.query ? parse(op.query, Object.fromEntries(new URL(request.url).searchParams)) : undefined;
      const body = op.body ? parse(op.body, await readBody(request)) : undefined;
      const answer = await run({ params, query, body, key } as ApiCall<O>);
      const { status } = op.success;
      if (status === 204) return new Response(null, { status, headers });
      return Response.json(answer, { status, headers });
    } catch (e) {
      if (e instanceof Refusal) {
        for (const [name, value] of Object.entries(headers)) if (!e.response.headers.has(name)) e.response.headers.set(name, value);
        return e.response;
      }
      if (isDomainError(e)) {
        return problem(e.status as ProblemStatus, e.message, { code: e.code, ...(e.reason ? { reason: e.reason } : {}), ...(e.fields ? { fields: e.fields } : {}) }, headers);
      }
      throw e;
    }
  };
}
