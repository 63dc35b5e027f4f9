import { describe, expect, it } from "vitest";
import { currentHref } from "@/components/ui/current-link";

const DASHBOARD = ["/admin", "/admin/circulation", "/admin/inventory", "/admin/inventory/import", "/admin/patrons"];

describe("the current section link", () => {
  it("marks only Import/export on the import page, not Inventory too", () => {
    expect(currentHref("/admin/inventory/import", DASHBOARD, "/admin")).toBe("/admin/inventory/import");
  });

  it("keeps Inventory current on a title's page below it", () => {
    expect(currentHref("/admin/inventory/42", DASHBOARD, "/admin")).toBe("/admin/inventory");
  });

  it("marks the overview only on itself", () => {
    expect(currentHref("/admin", DASHBOARD, "/admin")).toBe("/admin");
    expect(currentHref("/admin/settings", DASHBOARD, "/admin")).toBeUndefined();
  });

  it("does not take a path that only starts with the same letters", () => {
    expect(currentHref("/admin/patrons-archive", DASHBOARD, "/admin")).toBeUndefined();
  });
});
