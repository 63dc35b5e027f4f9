import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./people";

// What a librarian tripped over: reversed ranges, the audit log's words, the outbox's messages,
// the daily job on demand, a withdrawn title brought back, a copy found by its barcode.

test("a reversed year range in the catalogue filters is refused beside the years, which keep what was typed", async ({ page }) => {
  await page.goto("/search?from=2000&to=1990");
  await expect(page.getByText("“From” (2000) is after “To” (1990)")).toBeVisible();
  await expect(page.getByLabel("From")).toHaveValue("2000");
  await expect(page.getByLabel("To")).toHaveValue("1990");
  await expect(page.getByLabel("From")).toHaveAttribute("aria-invalid", "true");
});

test("a reversed report period is refused beside the dates, which keep what was typed", async ({ page }) => {
  await signIn(page, DEMO.librarian);
  await page.goto("/admin/reports?from=2026-06-01&to=2026-01-31");
  await expect(page.getByRole("alert").filter({ hasText: "“From” (2026-06-01) is after “To” (2026-01-31)" })).toBeVisible();
  await expect(page.getByLabel("From")).toHaveValue("2026-06-01");
  await expect(page.getByLabel("To")).toHaveValue("2026-01-31");
  await expect(page.getByRole("heading", { name: "Overdue rate" })).toHaveCount(0);
});

test("a librarian runs the daily job now and reads an email's message in the outbox", async ({ page }) => {
  await signIn(page, DEMO.librarian);
  await page.goto("/admin/notifications");
  await page.getByRole("button", { name: "Run daily job now" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Daily job done: / })).toBeVisible();
  await page.goto("/admin/notifications");
  const message = page.locator("details").filter({ has: page.locator("pre") }).first();
  const summary = message.locator("summary");
  await expect(summary).toContainText("show the message");
  await summary.focus();
  await page.keyboard.press("Enter");
  await expect(message.locator("pre")).toBeVisible();
  await expect(message.locator("pre")).not.toBeEmpty();
});

test("a withdrawn title is restored from its page, found by a copy's barcode, and the audit log says so in words", async ({ page }) => {
  const word = `Restor${Date.now().toString(36)}`;
  await signIn(page, DEMO.librarian);
  await page.goto("/admin/inventory/new");
  await page.getByLabel("Title", { exact: true }).fill(`The ${word} Almanac`);
  await page.getByRole("button", { name: "Add title" }).click();
  await expect(page).toHaveURL(/\/admin\/inventory\/\d+/);
  const titlePath = new URL(page.url()).pathname;
  await page.getByLabel("Shelf location", { exact: true }).fill("Reference");
  await page.getByRole("button", { name: "Add copy" }).click();
  const status = page.getByRole("status").filter({ hasText: /Copy C\d+ added/ });
  await expect(status).toBeVisible();
  const barcode = /Copy (C\d+) added/.exec((await status.textContent()) ?? "")![1];

  await page.goto(`/admin/inventory?q=${barcode.toLowerCase()}`);
  await expect(page.getByRole("row").filter({ hasText: word })).toHaveCount(1);

  await page.goto(titlePath);
  await page.getByRole("button", { name: "Withdraw title" }).click();
  await page.getByRole("button", { name: "Yes, withdraw the title" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Title withdrawn" })).toBeVisible();
  await page.reload();
  await page.getByRole("button", { name: "Restore title" }).click();
  await page.getByRole("button", { name: "Yes, restore the title" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Title restored to the catalogue. Its 1 copy stays withdrawn" })).toBeVisible();
  await page.reload();
  await page.getByLabel(`Status of ${barcode}`).selectOption("AVAILABLE");
  await page.getByRole("button", { name: `Save copy ${barcode}` }).click();
  // Leaving before the save is answered would cancel it.
  await expect(page.getByRole("status").filter({ hasText: "Copy saved." })).toBeVisible();
  await page.goto(`/search?q=${word}`);
  await expect(page.getByText("1 of 1 available")).toBeVisible();

  await page.goto("/admin/audit?action=title.restore");
  const row = page.getByRole("row").filter({ hasText: `Restored the withdrawn title The ${word} Almanac` });
  await expect(row).toBeVisible();
  await expect(row.getByRole("link", { name: `The ${word} Almanac` })).toHaveAttribute("href", titlePath);
  await expect(row.getByRole("link")).toHaveCount(2);
});
