import { readdirSync } from "node:fs";
import path from "node:path";
import { type APIResponse, expect, type Page, type Response, test } from "@playwright/test";
import { DEMO, signIn } from "./people";
import { EMPTY_LIBRARY_URL } from "./servers";

// Every page of the app, found from app/**/page.tsx, opened in Chromium under the
// Content-Security-Policy the proxy sends: a script, style or image the policy blocks, or any
// other error in the console, fails the page. A page added without a row here fails too.

function pageRoutes(dir = "app", route = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isFile()) return entry.name === "page.tsx" ? [route || "/"] : [];
    if (!entry.isDirectory()) return [];
    // Route groups such as (catalogue) do not appear in the URL.
    const segment = /^\(.*\)$/.test(entry.name) ? "" : `/${entry.name}`;
    return pageRoutes(path.join(dir, entry.name), route + segment);
  });
}

type Who = "visitor" | "patron" | "admin";
type Ids = { title: string; patron: string };
/** `status`: the page is a refusal and says so (the browser then logs that status as a console error). */
const PAGES: Record<string, { as: Who; url: (ids: Ids) => string; status?: number }> = {
  "/": { as: "visitor", url: () => "/" },
  "/search": { as: "visitor", url: () => "/search?q=hunger+games" },
  "/books/[id]": { as: "visitor", url: ({ title }) => `/books/${title}` },
  "/sign-in": { as: "visitor", url: () => "/sign-in" },
  "/register": { as: "visitor", url: () => "/register" },
  "/forgot-password": { as: "visitor", url: () => "/forgot-password" },
  // Without a usable token the pages say the link is used or expired (still a page with a heading).
  "/reset-password": { as: "visitor", url: () => "/reset-password?token=not-a-real-token" },
  "/confirm-email": { as: "visitor", url: () => "/confirm-email?token=not-a-real-token" },
  "/forbidden": { as: "visitor", url: () => "/forbidden", status: 403 },
  "/setup": { as: "visitor", url: () => `${EMPTY_LIBRARY_URL}/setup` },
  // Only an account with a temporary password stays there; anyone else goes on to /account.
  "/change-password": { as: "patron", url: () => "/change-password" },
  "/account": { as: "patron", url: () => "/account" },
  "/account/fines": { as: "patron", url: () => "/account/fines" },
  "/account/history": { as: "patron", url: () => "/account/history" },
  "/account/holds": { as: "patron", url: () => "/account/holds" },
  "/account/loans": { as: "patron", url: () => "/account/loans" },
  "/account/notifications": { as: "patron", url: () => "/account/notifications" },
  "/account/profile": { as: "patron", url: () => "/account/profile" },
  "/account/privacy": { as: "patron", url: () => "/account/privacy" },
  "/account/settings": { as: "patron", url: () => "/account/settings" },
  "/admin": { as: "admin", url: () => "/admin" },
  "/admin/api-keys": { as: "admin", url: () => "/admin/api-keys" },
  "/admin/audit": { as: "admin", url: () => "/admin/audit" },
  "/admin/calendar": { as: "admin", url: () => "/admin/calendar" },
  "/admin/circulation": { as: "admin", url: () => "/admin/circulation" },
  // The demo's first fine (the fines patron's late return). The demo has no hold on the shelf,
  // so that slip says there is no such hold (the integration tests read a real one).
  "/admin/circulation/slips/fine/[fineId]": { as: "admin", url: () => "/admin/circulation/slips/fine/1" },
  "/admin/circulation/slips/hold/[holdId]": { as: "admin", url: () => "/admin/circulation/slips/hold/999999999" },
  "/admin/circulation/slips/loans/[patronId]": { as: "admin", url: ({ patron }) => `/admin/circulation/slips/loans/${patron}` },
  "/admin/devices": { as: "admin", url: () => "/admin/devices" },
  "/admin/holds": { as: "admin", url: () => "/admin/holds" },
  "/admin/inventory": { as: "admin", url: () => "/admin/inventory" },
  "/admin/inventory/[id]": { as: "admin", url: ({ title }) => `/admin/inventory/${title}` },
  "/admin/inventory/import": { as: "admin", url: () => "/admin/inventory/import" },
  "/admin/inventory/labels": { as: "admin", url: () => "/admin/inventory/labels" },
  "/admin/inventory/new": { as: "admin", url: () => "/admin/inventory/new" },
  "/admin/notifications": { as: "admin", url: () => "/admin/notifications" },
  "/admin/overdue": { as: "admin", url: () => "/admin/overdue" },
  "/admin/patrons": { as: "admin", url: () => "/admin/patrons" },
  "/admin/patrons/[id]": { as: "admin", url: ({ patron }) => `/admin/patrons/${patron}` },
  "/admin/patrons/[id]/card": { as: "admin", url: ({ patron }) => `/admin/patrons/${patron}/card?paper=a4` },
  "/admin/patrons/import": { as: "admin", url: () => "/admin/patrons/import" },
  "/admin/policies": { as: "admin", url: () => "/admin/policies" },
  "/admin/reports": { as: "admin", url: () => "/admin/reports" },
  "/admin/settings": { as: "admin", url: () => "/admin/settings" },
  "/admin/staff": { as: "admin", url: () => "/admin/staff" },
};

function expectSecurityHeaders(headers: Record<string, string>, { https = false } = {}) {
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/script-src [^;]*'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(csp).not.toMatch(/script-src [^;]*'unsafe-inline'/);
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=(self)");
  expect(headers["permissions-policy"]).toContain("microphone=()");
  if (https) expect(headers["strict-transport-security"]).toMatch(/^max-age=\d{8,}/);
  else expect(headers["strict-transport-security"]).toBeUndefined();
}

function nonceOf(headers: Record<string, string>): string {
  return /'nonce-([^']+)'/.exec(headers["content-security-policy"] ?? "")?.[1] ?? "";
}

/** Collects console errors, uncaught exceptions and CSP violations on the page. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`exception: ${error.message}`));
  return problems;
}

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
}

async function ids(page: Page): Promise<Ids> {
  await page.goto("/search?q=hunger+games");
  const book = await page.getByRole("region", { name: /result/ }).getByRole("listitem").first().getByRole("link").first().getAttribute("href");
  return { title: book!.replace("/books/", ""), patron: "" };
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`));
  });
});

test("every page in the app has a row here", () => {
  expect(pageRoutes().sort()).toEqual(Object.keys(PAGES).sort());
});

for (const who of ["visitor", "patron", "admin"] as const) {
  test(`every ${who} page works under the Content-Security-Policy, with no console errors`, async ({ page }) => {
    test.setTimeout(180_000);
    const known = await ids(page);
    if (who !== "visitor") await signIn(page, who === "patron" ? DEMO.patron : DEMO.admin);
    if (who === "admin") known.patron = await firstPatronId(page);
    const problems = watch(page);
    const nonces = new Set<string>();
    for (const [route, { as, url, status }] of Object.entries(PAGES)) {
      if (as !== who) continue;
      problems.length = 0;
      const response = (await page.goto(url(known), { waitUntil: "networkidle" })) as Response;
      if (status) expect(response.status(), route).toBe(status);
      else expect(response.status(), route).toBeLessThan(400);
      const headers = await response.allHeaders();
      expectSecurityHeaders(headers);
      const nonce = nonceOf(headers);
      nonces.add(nonce);
      // Next put this response's nonce on every script it wrote, and the page hydrated. Read
      // from the HTML sent: a chunk Next's runtime adds afterwards (a refusal page's boundary,
      // vercel/next.js#98015) has none and needs none, as 'strict-dynamic' trusts what a nonced
      // script loads; the violation check below would see any script the browser refused.
      const html = await response.text();
      const scriptNonces = [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => /\bnonce="([^"]*)"/.exec(tag)?.[1] ?? "");
      expect(scriptNonces.length, route).toBeGreaterThan(0);
      expect(new Set(scriptNonces), route).toEqual(new Set([nonce]));
      await expect(page.getByRole("heading", { level: 1 }), route).toBeVisible();
      const unexpected = problems.filter((p) => !(status && p.includes(`status of ${status}`)));
      expect([...unexpected, ...(await violations(page))], `${route} (${url(known)})`).toEqual([]);
    }
    // A fresh nonce for each response.
    expect(nonces.size).toBe(Object.values(PAGES).filter((p) => p.as === who).length);
  });
}

async function firstPatronId(page: Page): Promise<string> {
  await page.goto("/admin/patrons");
  const href = await page.locator('main a[href^="/admin/patrons/"]:not([href$="/import"])').first().getAttribute("href");
  return href!.match(/\/admin\/patrons\/(\d+)/)![1];
}

test("the charts, the barcode labels and the covers draw under the policy", async ({ page }) => {
  await signIn(page, DEMO.admin);
  const problems = watch(page);
  await page.goto("/admin/reports", { waitUntil: "networkidle" });
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await page.goto("/admin/inventory/labels", { waitUntil: "networkidle" });
  await page.goto("/search?q=hunger+games", { waitUntil: "networkidle" });
  const cover = page.getByRole("region", { name: /result/ }).locator("img").first();
  await expect(cover).toBeVisible();
  expect(await cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  expect([...problems, ...(await violations(page))]).toEqual([]);
});

test("the API reference at /api/docs draws under the policy and loads nothing from elsewhere", async ({ page, baseURL }) => {
  const problems = watch(page);
  const elsewhere: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(baseURL!) && !r.url().startsWith("data:") && !r.url().startsWith("blob:")) elsewhere.push(r.url());
  });
  const response = (await page.goto("/api/docs", { waitUntil: "networkidle" })) as Response;
  expectSecurityHeaders(await response.allHeaders());
  await expect(page.getByRole("heading", { name: "Stacks API" }).first()).toBeVisible();
  await expect(page.getByText("Search the catalogue").first()).toBeVisible();
  expect(elsewhere).toEqual([]);
  // The zod bundled in Scalar probes whether eval is allowed (and falls back when it is not), and
  // a few of its style elements carry no nonce: both are refused by the policy, harmlessly.
  const scriptProblems = [...problems, ...(await violations(page))].filter((p) => !/style-src/.test(p) && !/^script-src blocked eval /.test(p));
  expect(scriptProblems).toEqual([]);
});

test("a visitor's repeat of a search, answered from the page cache, carries its own nonce and its scripts run", async ({ page }) => {
  const problems = watch(page);
  const first = (await page.goto("/search?q=dune"))!;
  const firstHtml = await first.text();
  // Within the cache's seconds, and without a cookie: the page as remembered.
  const again = (await page.goto("/search?q=dune"))!;
  const [firstNonce, nonce] = [nonceOf(first.headers()), nonceOf(again.headers())];
  expect(nonce).not.toBe(firstNonce);
  const html = await again.text();
  expect(html).toContain(`nonce="${nonce}"`);
  expect(html).not.toContain(firstNonce);
  expect(html).toBe(firstHtml.replaceAll(firstNonce, nonce));
  // The suggestions box is a client island: it answers only if the remembered page's scripts ran.
  const box = page.getByRole("combobox", { name: "Search words" });
  await box.fill("");
  await box.pressSequentially("the hunger ga");
  await expect(page.getByRole("listbox", { name: "Suggestions" }).getByRole("option").first()).toContainText("The Hunger Games");
  expect([...problems, ...(await violations(page))]).toEqual([]);
});

test.describe("headers as curl -I sees them", () => {
  async function head(request: { get(url: string, options?: object): Promise<APIResponse> }, url: string, headers: Record<string, string> = {}) {
    const response = await request.get(url, { headers, maxRedirects: 0 });
    expect(response.status(), url).toBeLessThan(400);
    return response.headers();
  }

  test("/, /search?q=x, /api/health, the suggestions and a cover carry every header; HSTS only over HTTPS", async ({ page, request }) => {
    const { title } = await ids(page);
    for (const url of ["/", "/search?q=x", "/api/health", "/api/search/suggestions?q=hun", `/api/covers/${title}`, "/api/docs", "/api/v1/openapi.json", "/api/v1/titles?q=x"]) {
      expectSecurityHeaders(await head(request, url));
      expectSecurityHeaders(await head(request, url, { "x-forwarded-proto": "https" }), { https: true });
    }
    const first = nonceOf(await head(request, "/"));
    expect(nonceOf(await head(request, "/"))).not.toBe(first);
  });

  test("Next's static files carry them too", async ({ page, request }) => {
    await page.goto("/");
    const stylesheet = await page.locator('link[rel="stylesheet"]').first().getAttribute("href");
    const headers = await head(request, stylesheet!);
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["strict-transport-security"]).toBeUndefined();
    expect((await head(request, stylesheet!, { "x-forwarded-proto": "https" }))["strict-transport-security"]).toMatch(/^max-age=/);
  });
});

test("signed in, a return path with a tab does not lead off the site", async ({ page }) => {
  await signIn(page, DEMO.patron);
  await page.goto("/sign-in?callbackUrl=/%09/evil.example");
  expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
  await page.goto("/sign-in?callbackUrl=%2F%5Cevil.example");
  expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
});
