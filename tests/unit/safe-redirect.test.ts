import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/safe-redirect";

const SITE = "https://library.example";

/** Where a browser on the site goes when told to redirect to `path`. */
function landsOn(path: string): string {
  return new URL(path, SITE).origin;
}

describe("safeCallbackPath", () => {
  it("keeps a path on this site with its query and fragment", () => {
    expect(safeCallbackPath("/account")).toBe("/account");
    expect(safeCallbackPath("/search?q=dune&page=2#results")).toBe("/search?q=dune&page=2#results");
  });

  it("keeps only the path of the full URL the proxy sends", () => {
    expect(safeCallbackPath("http://localhost:3000/account")).toBe("/account");
    expect(safeCallbackPath("https://library.example/admin/loans?status=overdue")).toBe("/admin/loans?status=overdue");
  });

  // What a browser makes of each value decides: tabs and newlines are dropped, "\" is "/".
  const offSite = [
    "//evil.example/account",
    "//evil",
    "/\\evil.example",
    "/\\\\evil.example",
    "\\/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/ /evil.example",
    "\t//evil.example",
    "https://library.example//evil.example",
    "https://evil",
    "https://evil.example/account",
    "http:/\\evil.example",
    "HTTPS://evil.example",
    "/.//evil.example",
    "/..//evil.example",
    "/%2e//evil.example",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "account",
    "",
  ];
  it.each(offSite)("never leads to another site: %j", (value) => {
    const path = safeCallbackPath(value);
    expect(path.startsWith("/")).toBe(true);
    expect(landsOn(path)).toBe(SITE);
    expect(path).not.toMatch(/[\t\r\n\\]/);
    expect(path.startsWith("//")).toBe(false);
  });

  it("refuses the tab, newline and backslash tricks outright", () => {
    for (const value of ["/\t/evil.example", "/\n/evil.example", "/\\evil.example", "/\\\\evil.example", "//evil", "https://library.example//evil.example"]) {
      expect(safeCallbackPath(value), JSON.stringify(value)).toBe("/");
    }
  });

  it("keeps percent-encoded values as the harmless paths they are on this site", () => {
    // Never decoded again after the query string was: these stay paths on the site.
    for (const value of ["/%09/evil.example", "/%2F%2Fevil", "/%5C%5Cevil.example", "/%0a/evil.example"]) {
      const path = safeCallbackPath(value);
      expect(landsOn(path), value).toBe(SITE);
      expect(path, value).toBe(value);
    }
  });

  it("goes to the fallback when there is no usable value", () => {
    expect(safeCallbackPath(undefined)).toBe("/");
    expect(safeCallbackPath(null, "/account")).toBe("/account");
    expect(safeCallbackPath(["/account"], "/account")).toBe("/account");
    expect(safeCallbackPath("http://[broken/account", "/home")).toBe("/home");
    expect(safeCallbackPath("//evil", "/account")).toBe("/account");
  });
});
