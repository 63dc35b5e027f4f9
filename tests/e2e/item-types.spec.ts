import { expect, type Page, test } from "@playwright/test";
import { DEMO, signIn } from "./people";

// Item types: a DVD lent at the desk for the DVD loan period, and the circulation matrix edited
// by keyboard, each control found by its label.

/** "12 Mar 2027": the library's day (Europe/London in the demo) `days` from today, as the desk writes it. */
function libraryDatePlus(days: number): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());
  const due = new Date(`${today}T12:00:00Z`);
  due.setUTCDate(due.getUTCDate() + days);
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(due);
}

/** The barcode of a copy of `type` on the shelf, read from the title page like a librarian would. */
async function shelfBarcode(page: Page, titleId: number, type: string): Promise<string> {
  await page.goto(`/books/${titleId}`);
  const row = page.getByRole("table", { name: "Copies of this title" }).getByRole("row").filter({ hasText: "On the shelf" }).filter({ hasText: type }).first();
  return (await row.getByRole("cell").first().innerText()).trim();
}

test("a DVD lent at the desk is due in 7 days, and a reference copy is refused in plain words", async ({ page }) => {
  await signIn(page, DEMO.librarian);
  const dvd = await shelfBarcode(page, 601, "DVD");
  const reference = await shelfBarcode(page, 611, "Reference");
  await page.goto("/admin/circulation");
  await page.getByLabel("Patron card, email or name").fill(DEMO.patron);
  await page.getByRole("button", { name: "Find patron" }).click();
  await expect(page).toHaveURL(/patron=\d+/);
  await page.getByLabel("Copy barcode").fill(dvd);
  await page.getByLabel("Copy barcode").press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Checked out:" }).filter({ hasText: `due ${libraryDatePlus(7)}.` })).toBeVisible();

  await page.getByLabel("Copy barcode").fill(reference);
  await page.getByLabel("Copy barcode").press("Enter");
  await expect(page.getByText("This copy is for use in the library only (Reference) and cannot be borrowed.").first()).toBeVisible();
});

test("an admin edits a cell of the circulation matrix by keyboard", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/admin/policies");
  const matrix = page.getByRole("region", { name: "Rules by patron category and item type" });
  await matrix.getByRole("link", { name: "Edit rule: Child, Audiobook" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Rule for Child, Audiobook" })).toBeVisible();

  const days = page.getByLabel("Rule: days on loan");
  await days.focus();
  await page.keyboard.type("10");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Rule: most on loan of this type")).toBeFocused();
  await page.keyboard.type("2");
  // A refused value: the form keeps what was typed and puts the cursor back on the field.
  for (const label of ["Rule: renewals allowed", "Rule: daily fine (GBP)"]) {
    await page.keyboard.press("Tab");
    await expect(page.getByLabel(label)).toBeFocused();
  }
  await page.keyboard.type("-1");
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Rule: daily fine (GBP)")).toBeFocused();
  await expect(page.getByLabel("Rule: days on loan")).toHaveValue("10");
  // React resets a form once its action settles: a select-all that lands just before that reset
  // is undone, so select and type again until the field holds the new value.
  const fine = page.getByLabel("Rule: daily fine (GBP)");
  await expect(async () => {
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("0.50");
    await expect(fine).toHaveValue("0.50", { timeout: 500 });
  }).toPass();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Rule saved." })).toBeVisible();

  const audiobooks = matrix.getByRole("row", { name: /^Audiobook/ });
  // Columns: All categories, Adult, Child, Staff.
  await expect(audiobooks.getByRole("cell").nth(2)).toContainText("10 days, £0.50/day, at most 2");
  await expect(audiobooks.getByRole("cell").nth(1)).toContainText("21 days");
});
