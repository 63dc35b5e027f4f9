import { expect, type Page, test } from "@playwright/test";
import { DEMO, signIn, signOut } from "./people";

// The library's opening days: an admin closes a day, the desk's next loan is due the day after,
// and patrons read the closure at the foot of the page.

const DEMO_CLOSED = ["12-25", "12-26", "01-01"];
const isDemoClosed = (day: Date) => day.getUTCDay() === 0 || DEMO_CLOSED.includes(day.toISOString().slice(5, 10));

/** The first library day (Europe/London) on or after `from` the demo library is open. */
function openDayFrom(from: Date): Date {
  const day = new Date(from);
  while (isDemoClosed(day)) day.setUTCDate(day.getUTCDate() + 1);
  return day;
}

function londonTodayPlus(days: number): Date {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());
  const day = new Date(`${today}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day;
}

const isoDay = (day: Date) => day.toISOString().slice(0, 10);
const deskDate = (day: Date) => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(day);
const footerDate = (day: Date) => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" }).format(day);

async function shelfBarcode(page: Page, titleId: number): Promise<string> {
  await page.goto(`/books/${titleId}`);
  const row = page.getByRole("table", { name: "Copies of this title" }).getByRole("row").filter({ hasText: "On the shelf" }).first();
  return (await row.getByRole("cell").first().innerText()).trim();
}

test("a visitor reads the weekly closed day at the foot of the catalogue", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("contentinfo")).toContainText("Closed on Sundays.");
});

test("an admin closes the day a loan would fall due: the desk lends until the next open day, and patrons see the closure", async ({ page }) => {
  // The day a 21-day loan made now is due in the demo library, and the open day after it.
  const closedDay = openDayFrom(londonTodayPlus(21));
  const next = new Date(closedDay);
  next.setUTCDate(next.getUTCDate() + 1);
  const movedTo = openDayFrom(next);

  await signIn(page, DEMO.admin);
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Staff dashboard" }).getByRole("link", { name: "Opening days", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/calendar$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Opening days");
  await expect(page.getByRole("checkbox", { name: "Sunday" })).toBeChecked();
  await expect(page.getByRole("table", { name: "Closures" })).toContainText("Christmas");

  // A refused closure keeps what was typed and says what is wrong.
  await page.getByLabel("Closure name").fill("Stocktaking");
  await page.getByLabel("First day closed").fill(isoDay(closedDay));
  await page.getByLabel("Last day closed").fill("2020-01-01");
  await page.getByRole("button", { name: "Add closure" }).click();
  await expect(page.getByText("The last day closed cannot be before the first.")).toBeVisible();
  await expect(page.getByLabel("Closure name")).toHaveValue("Stocktaking");
  await page.getByLabel("Last day closed").fill("");
  await page.getByRole("button", { name: "Add closure" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Stocktaking added." })).toBeVisible();
  await expect(page.getByRole("table", { name: "Closures" }).getByRole("row", { name: /Stocktaking/ })).toContainText("Once");

  await page.goto("/");
  await expect(page.getByRole("contentinfo")).toContainText(`${footerDate(closedDay)} (Stocktaking)`);
  await signOut(page);

  await signIn(page, DEMO.librarian);
  const barcode = await shelfBarcode(page, 421);
  await page.goto("/admin/circulation");
  await page.getByLabel("Patron card, email or name").fill(DEMO.patron);
  await page.getByRole("button", { name: "Find patron" }).click();
  await expect(page).toHaveURL(/patron=\d+/);
  await page.getByLabel("Copy barcode").fill(barcode);
  await page.getByLabel("Copy barcode").press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Checked out:" }).filter({ hasText: `due ${deskDate(movedTo)}.` })).toBeVisible();
  await signOut(page);

  // Take the closure off again for the other specs.
  await signIn(page, DEMO.admin);
  await page.goto("/admin/calendar");
  await page.getByRole("button", { name: "Remove Stocktaking" }).click();
  await page.getByRole("button", { name: "Yes, remove it" }).click();
  // The row goes; its confirmation stays above the table.
  await expect(page.getByRole("status").filter({ hasText: "Stocktaking removed." })).toBeVisible();
  await expect(page.getByRole("table", { name: "Closures" })).not.toContainText("Stocktaking");
  await expect(page.getByRole("table", { name: "Closures" })).toContainText("Christmas");
});

test("an admin changes the weekly closed days and the fine choice, and can put them back", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/admin/calendar");
  const fines = page.getByRole("checkbox", { name: "No overdue fines for days the library is closed" });
  await expect(fines).toBeChecked();
  await page.getByRole("checkbox", { name: "Saturday" }).check();
  await page.getByRole("button", { name: "Save opening days" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Opening days saved." })).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("contentinfo")).toContainText("Closed on Saturdays and Sundays.");

  await page.goto("/admin/calendar");
  await expect(page.getByRole("checkbox", { name: "Saturday" })).toBeChecked();
  await page.getByRole("checkbox", { name: "Saturday" }).uncheck();
  await page.getByRole("button", { name: "Save opening days" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Opening days saved." })).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("contentinfo")).toContainText("Closed on Sundays.");
});
