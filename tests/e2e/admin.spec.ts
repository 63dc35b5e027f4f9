import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { DEMO, signIn, signOut } from "./people";

// The staff dashboard: policies drive the desk, and every page passes axe at both widths.

async function shelfBarcode(page: Page, titleId: number): Promise<string> {
  await page.goto(`/books/${titleId}`);
  const row = page.getByRole("table", { name: "Copies of this title" }).getByRole("row").filter({ hasText: "On the shelf" }).first();
  return (await row.getByRole("cell").first().innerText()).trim();
}

async function setAdultLoanPeriod(page: Page, days: string) {
  await page.goto("/admin/policies");
  const adult = page.getByRole("region", { name: "Edit Adult" });
  await adult.getByLabel("Loan period (days)").fill(days);
  await adult.getByRole("button", { name: "Save Adult policy" }).click();
  await expect(adult.getByRole("status").filter({ hasText: "Policy saved." })).toBeVisible();
}

/**
 * "12 Mar 2027": the library's day (Europe/London in the demo) `days` from today, as the desk
 * writes it, moved past the demo's closed days (Sundays, 25–26 Dec, 1 Jan) as a due date is.
 */
function libraryDatePlus(days: number): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());
  const due = new Date(`${today}T12:00:00Z`);
  due.setUTCDate(due.getUTCDate() + days);
  while (due.getUTCDay() === 0 || ["12-25", "12-26", "01-01"].includes(due.toISOString().slice(5, 10))) due.setUTCDate(due.getUTCDate() + 1);
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(due);
}

test("an admin shortens the Adult loan period and the desk's next loan is due accordingly", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await setAdultLoanPeriod(page, "10");
  await expect(page.getByRole("row", { name: /^Adult/ }).getByRole("cell").first()).toHaveText("10 days");
  await signOut(page);

  await signIn(page, DEMO.librarian);
  const barcode = await shelfBarcode(page, 420);
  await page.goto("/admin/circulation");
  await page.getByLabel("Patron card, email or name").fill(DEMO.patron);
  await page.getByRole("button", { name: "Find patron" }).click();
  await expect(page).toHaveURL(/patron=\d+/);
  await page.getByLabel("Copy barcode").fill(barcode);
  await page.getByLabel("Copy barcode").press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Checked out:" }).filter({ hasText: `due ${libraryDatePlus(10)}.` })).toBeVisible();
  await signOut(page);

  // Put the demo library's policy back for the other specs.
  await signIn(page, DEMO.admin);
  await setAdultLoanPeriod(page, "21");
});

test("an admin sets the time of the daily notices on the settings page", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/admin/settings");
  const time = page.getByLabel("Daily notices time");
  await expect(time).toHaveValue("06:00");
  await time.fill("07:15");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Daily notices time")).toHaveValue("07:15");
  // Put the demo library's time back for the other specs.
  await page.getByLabel("Daily notices time").fill("06:00");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();
});

test("a librarian sees policy, staff and settings pages refused", async ({ page }) => {
  await signIn(page, DEMO.librarian);
  for (const path of ["/admin/policies", "/admin/staff", "/admin/settings"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Administrators only");
  }
  await expect(page.getByRole("navigation", { name: "Staff dashboard" }).getByRole("link", { name: "Policies" })).toHaveCount(0);
});

const WCAG_TAGS = ["wcag2a", "wcag2aa"];

async function patronPagePath(page: Page): Promise<string> {
  await page.goto(`/admin/patrons?q=${encodeURIComponent(DEMO.patron)}`);
  const href = await page.getByRole("table").getByRole("link", { name: "Pat Patron" }).getAttribute("href");
  expect(href).toMatch(/^\/admin\/patrons\/\d+$/);
  return href!;
}

const PAGES: { name: string; path: (page: Page) => Promise<string>; heading: string | RegExp }[] = [
  { name: "overview", path: async () => "/admin", heading: "Staff dashboard" },
  { name: "patrons", path: async () => "/admin/patrons", heading: "Patrons" },
  { name: "a patron", path: patronPagePath, heading: "Pat Patron" },
  { name: "policies", path: async () => "/admin/policies", heading: "Circulation policies" },
  { name: "reports", path: async () => "/admin/reports", heading: "Reports" },
  { name: "a refused report period", path: async () => "/admin/reports?from=2026-06-01&to=2026-01-31", heading: "Reports" },
  { name: "audit log", path: async () => "/admin/audit", heading: "Audit log" },
  { name: "notifications outbox", path: async () => "/admin/notifications", heading: "Notifications outbox" },
  { name: "staff and roles", path: async () => `/admin/staff?email=${encodeURIComponent(DEMO.librarian)}`, heading: "Staff and roles" },
  { name: "settings", path: async () => "/admin/settings", heading: "Library settings" },
  { name: "opening days", path: async () => "/admin/calendar", heading: "Opening days" },
];

for (const { label, size } of [
  { label: "desktop", size: { width: 1280, height: 800 } },
  { label: "375 px", size: { width: 375, height: 812 } },
]) {
  test.describe(`staff dashboard accessibility at ${label}`, () => {
    test.use({ viewport: size });

    for (const target of PAGES) {
      test(`${target.name} has no WCAG 2 A/AA violations`, async ({ page }) => {
        await signIn(page, DEMO.admin);
        await page.goto(await target.path(page));
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(target.heading);
        const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
        expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
      });
    }
  });
}
