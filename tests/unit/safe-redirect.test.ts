import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/safe-redirect";

describe("safeCallbackPath", () => {
  it("keeps a path on this site with its query and fragment", () => {
    expect(safeCallbackPath("/account")).toBe("/account");
    expect(safeCallbackPath("/search?q=dune&page=2#results")).toBe("/search?q=dune&page=2#results");
  });

  it("keeps only the path of the full URL the proxy sends", () => {
    expect(safeCallbackPath("http://localhost:3000/account")).toBe("/account");
    expect(safeCallbackPath("https://library.example/admin/loans?status=overdue")).toBe("/admin/loans?status=overdue");
  });

  it("never leads to another site", () => {
    for (const value of ["//evil.example/account", "/\\evil.example", "https://library.example//evil.example", "javascript:alert(1)", "account", ""]) {
      expect(safeCallbackPath(value), value).toBe("/");
    }
  });

  it("goes to the fallback when there is no usable value", () => {
    expect(safeCallbackPath(undefined)).toBe("/");
    expect(safeCallbackPath(null, "/account")).toBe("/account");
    expect(safeCallbackPath(["/account"], "/account")).toBe("/account");
    expect(safeCallbackPath("http://[broken/account", "/home")).toBe("/home");
  });
});
