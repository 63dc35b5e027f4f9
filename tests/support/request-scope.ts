import "./next-runtime";
import { createRequestStoreForAPI } from "next/dist/server/async-storage/request-store.js";
import { createWorkStore } from "next/dist/server/async-storage/work-store.js";
import { workAsyncStorage } from "next/dist/server/app-render/work-async-storage.external.js";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external.js";
import { encode } from "next-auth/jwt";
import { startSession } from "@/lib/patrons/sessions";

// Server actions, pages and route handlers run here inside Next's own request scope, the one
// Next sets up for each request: `headers()`, `cookies()` and Auth.js's `auth()` read the
// request given, and `revalidatePath` records its paths. The session is a real Auth.js cookie.

export const TEST_ORIGIN = "http://localhost:3000";
const COOKIE = "authjs.session-token";

export type Caller = { id: number; role: string } | null;

/** The Auth.js session cookie a browser that has just signed in as `user` would send (its session row too). */
export async function sessionCookie(user: { id: number; role: string }): Promise<string> {
  const sid = await startSession(user.id);
  const token = await encode({ token: { sub: String(user.id), role: user.role, sid }, secret: process.env.AUTH_SECRET!, salt: COOKIE });
  return `${COOKIE}=${token}`;
}

/** The headers of a same-site request from `caller`'s browser. */
export async function requestHeaders(caller: Caller, extra: Record<string, string> = {}): Promise<Headers> {
  const headers = new Headers({ host: new URL(TEST_ORIGIN).host, "x-forwarded-proto": "http", ...extra });
  if (caller) headers.set("cookie", await sessionCookie(caller));
  return headers;
}

/** Runs `fn` as Next runs a server action or route handler for a request to `path`. */
export async function inRequest<T>(caller: Caller, fn: () => Promise<T>, path = "/"): Promise<T> {
  const headers = await requestHeaders(caller);
  const url = new URL(path, TEST_ORIGIN);
  const workStore = createWorkStore({
    page: "/page",
    // after() callbacks (emails sent "soon") are collected and never run: a test sends them itself.
    renderOpts: { incrementalCache: {}, experimental: {}, waitUntil: () => undefined, onClose: () => undefined },
    isPrefetchRequest: false,
    buildId: "test",
    previouslyRevalidatedTags: [],
  } as unknown as Parameters<typeof createWorkStore>[0]);
  const requestStore = createRequestStoreForAPI({ headers: Object.fromEntries(headers) } as never, { pathname: url.pathname, search: url.search }, { tags: [] } as never, undefined, undefined as never, undefined);
  return workAsyncStorage.run(workStore, () => workUnitAsyncStorage.run(requestStore, fn));
}
