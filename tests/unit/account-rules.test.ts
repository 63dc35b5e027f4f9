import { describe, expect, it } from "vitest";
import { mayActAs, STAFF_ROLES } from "@/lib/auth.config";
import { DEFAULT_DATABASE_URL, demoSeedingWanted } from "@/lib/database-url";
import { manageableRoles } from "@/lib/patrons/staff-powers";

describe("demoSeedingWanted", () => {
  const checkout = { url: DEFAULT_DATABASE_URL, isCheckout: true };

  it("seeds the demo into the default SQLite file of a checkout", () => {
    expect(demoSeedingWanted({ ...checkout, env: {} })).toBe(true);
  });

  it("never under NODE_ENV=production unless STACKS_DEMO=1 insists", () => {
    expect(demoSeedingWanted({ ...checkout, env: { NODE_ENV: "production" } })).toBe(false);
    expect(demoSeedingWanted({ ...checkout, env: { NODE_ENV: "production", STACKS_DEMO: "1" } })).toBe(true);
  });

  it("not into another database, nor outside a checkout (an installed image), unless asked", () => {
    expect(demoSeedingWanted({ url: "postgresql://db/stacks", isCheckout: true, env: {} })).toBe(false);
    expect(demoSeedingWanted({ url: DEFAULT_DATABASE_URL, isCheckout: false, env: {} })).toBe(false);
    expect(demoSeedingWanted({ url: "postgresql://db/stacks", isCheckout: false, env: { STACKS_DEMO: "1" } })).toBe(true);
    expect(demoSeedingWanted({ ...checkout, env: { STACKS_DEMO: "0" } })).toBe(false);
  });
});

describe("staff powers", () => {
  const account = (role: "PATRON" | "LIBRARIAN" | "ADMIN", status = "ACTIVE", mustChangePassword = false) => ({ role, status, mustChangePassword });

  it("a blocked staff account has no staff powers; a blocked patron keeps a patron's pages", () => {
    expect(mayActAs(account("LIBRARIAN"), STAFF_ROLES)).toBe(true);
    expect(mayActAs(account("LIBRARIAN", "BLOCKED"), STAFF_ROLES)).toBe(false);
    expect(mayActAs(account("ADMIN", "BLOCKED"), ["ADMIN"])).toBe(false);
    expect(mayActAs(account("PATRON", "BLOCKED"), ["PATRON"])).toBe(true);
  });

  it("an account with a temporary password has no powers until it chooses its own", () => {
    expect(mayActAs(account("ADMIN", "ACTIVE", true), STAFF_ROLES)).toBe(false);
  });

  it("a librarian acts on patrons, an administrator on anyone, a patron on nobody", () => {
    expect(manageableRoles("LIBRARIAN")).toEqual(["PATRON"]);
    expect(manageableRoles("ADMIN")).toEqual(["PATRON", "LIBRARIAN", "ADMIN"]);
    expect(manageableRoles("PATRON")).toEqual([]);
  });
});
