import { expect, type Page, test } from "@playwright/test";
import { DEMO, signIn } from "./people";

// Every page fits the screen at phone, tablet and desk widths, and no navigation link is out of
// reach: the dashboard's grouped sidebar (a menu below 1024 px) and the account's wrapping tabs.

const WIDTHS = [375, 768, 1280];

const DASHBOARD_LINKS = ["Overview", "Circulation desk", "Holds", "Overdue", "Inventory", "Import/export", "Patrons", "Staff & roles", "Reports", "Audit log", "Notifications", "Policies", "Settings", "Opening days"];
const DASHBOARD_PAGES = ["/admin", "/admin/circulation", "/admin/holds", "/admin/overdue", "/admin/inventory", "/admin/inventory/import", "/admin/patrons", "/admin/staff", "/admin/reports", "/admin/audit", "/admin/notifications", "/admin/policies", "/admin/settings", "/admin/calendar"];
const ACCOUNT_LINKS = ["Overview", "Loans", "Reservations", "Fines", "History", "Notifications", "Settings"];
const ACCOUNT_PAGES = ["/account", "/account/loans", "/account/holds", "/account/fines", "/account/history", "/account/notifications", "/account/settings"];
const PUBLIC_PAGES = ["/", "/search?q=the", "/books/1", "/sign-in"];

/**
 * The page is no wider than the screen, and every button or link named by aria-label has a name
 * that contains the words it shows (WCAG 2.5.3), so "say what you see" voice control finds it.
 */
async function expectPageFits(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${path} is wider than the screen`).toBeLessThanOrEqual(innerWidth);
  const mismatches = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("button[aria-label], a[aria-label]")]
      .map((el) => ({ name: el.getAttribute("aria-label")!, text: el.innerText.replace(/\s+/g, " ").trim() }))
      .filter(({ name, text }) => text !== "" && !name.toLowerCase().includes(text.toLowerCase()))
      .map(({ name, text }) => `"${text}" is named "${name}"`),
  );
  expect(mismatches, `${path}: names without their visible label`).toEqual([]);
}

/** The dashboard's links, opening its menu first where the screen is too narrow for the sidebar. */
async function dashboardNav(page: Page) {
  const nav = page.getByRole("navigation", { name: "Staff dashboard" });
  const menu = nav.getByRole("button", { name: /Staff dashboard menu/ });
  if (await menu.isVisible()) {
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
  }
  return nav;
}

for (const width of WIDTHS) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    test("the catalogue pages fit the screen", async ({ page }) => {
      for (const path of PUBLIC_PAGES) await expectPageFits(page, path);
    });

    test("every dashboard section is reachable, one marked current, and each page fits the screen", async ({ page }) => {
      test.setTimeout(240_000);
      await signIn(page, DEMO.admin);
      for (const path of DASHBOARD_PAGES) await expectPageFits(page, path);

      await page.goto("/admin/inventory/import");
      const nav = await dashboardNav(page);
      for (const label of DASHBOARD_LINKS) await expect(nav.getByRole("link", { name: label, exact: true })).toBeVisible();
      await expect(nav.locator("[aria-current]")).toHaveCount(1);
      await expect(nav.getByRole("link", { name: "Import/export" })).toHaveAttribute("aria-current", "page");

      await nav.getByRole("link", { name: "Settings", exact: true }).click();
      await expect(page).toHaveURL(/\/admin\/settings$/);
      await expect(page.getByRole("navigation", { name: "Staff dashboard" }).locator("[aria-current]")).toHaveCount(1);
      if (width === 1280) await page.getByRole("navigation", { name: "Staff dashboard" }).screenshot({ path: "/tmp/shots/dashboard-nav-1280.png" });
    });

    test("every account tab is on screen and each account page fits the screen", async ({ page }) => {
      test.setTimeout(120_000);
      await signIn(page, "fines@demo.stacks");
      for (const path of ACCOUNT_PAGES) await expectPageFits(page, path);

      await page.goto("/account/fines");
      const nav = page.getByRole("navigation", { name: "My account" });
      for (const label of ACCOUNT_LINKS) await expect(nav.getByRole("link", { name: label, exact: true })).toBeInViewport({ ratio: 1 });
      await expect(nav.locator("[aria-current]")).toHaveCount(1);
      await expect(nav.getByRole("link", { name: "Fines" })).toHaveAttribute("aria-current", "page");

      // The demo's patron with fines: its amount and what is still owed are on screen, not scrolled away.
      const charge = page.getByRole("table", { name: "Your charges" }).getByRole("row").filter({ hasText: /£\d/ }).first();
      for (const cell of await charge.getByRole("cell").filter({ hasText: /£\d/ }).all()) await expect(cell).toBeInViewport({ ratio: 1 });
      await expect(charge.getByRole("cell").filter({ hasText: /£\d/ })).toHaveCount(2);
      if (width === 375) await page.screenshot({ path: "/tmp/shots/account-fines-375.png", fullPage: true });
    });

    test("search-result covers keep the shape of a book cover", async ({ page }) => {
      await page.goto("/search?q=the");
      const covers = page.getByRole("region", { name: /result/ }).getByRole("listitem").locator("img");
      await expect(covers.first()).toBeVisible();
      for (const cover of await covers.all()) {
        await cover.scrollIntoViewIfNeeded();
        const box = (await cover.boundingBox())!;
        expect(Math.abs(box.height / box.width - 1.5), `a ${box.width}×${box.height} cover`).toBeLessThan(0.05);
      }
    });
  });
}
