import { expect, test, type Page } from "@playwright/test";
import { newEmail, register, signIn } from "./people";

// Circulation as people do it: a patron on a phone, a librarian at the desk with a scanner.

/** The barcode of a copy on the shelf, read from the title page like a librarian would. */
async function shelfBarcode(page: Page, titleId: number): Promise<string> {
  await page.goto(`/books/${titleId}`);
  const row = page.getByRole("table", { name: "Copies of this title" }).getByRole("row").filter({ hasText: "On the shelf" }).first();
  return (await row.getByRole("cell").first().innerText()).trim();
}

test.describe("a patron on a 375 px phone", () => {
  test.use({ viewport: { width: 375, height: 812 } });

  test("borrows a book, sees it counted in the header, is told why it cannot be renewed yet and returns it", async ({ page }) => {
    await register(page, "Mo Mobile", newEmail("mobile"), "a long password");
    await page.goto("/books/300");
    const title = (await page.getByRole("heading", { level: 1 }).innerText()).trim();
    await page.getByRole("button", { name: "Borrow" }).click();
    await expect(page.getByRole("region", { name: "Availability" }).getByText(/^On loan to you, due back \d+ \w+ \d{4}\./)).toBeVisible();
    const loans = page.getByRole("banner").getByRole("link", { name: "My loans (1)" });
    await expect(loans).toBeVisible();

    await loans.click();
    await expect(page.getByRole("heading", { name: "My loans" })).toBeVisible();
    await expect(page.getByRole("link", { name: title })).toBeVisible();
    // Renewing on the day of checkout would not move the due date: the button says so before a tap.
    const renew = page.getByRole("button", { name: `Renew ${title}` });
    await expect(renew).toBeDisabled();
    await expect(renew).toHaveAccessibleDescription(/^Too soon to renew/);
    await expect(page.getByText(/^Too soon to renew: renewing now would not move the due date/)).toBeVisible();
    // Returning asks first; Cancel changes nothing and puts the focus back on Return.
    const returnButton = page.getByRole("button", { name: `Return ${title}` });
    await returnButton.click();
    await expect(page.getByText(`Return “${title}” now? Only if the book is back at the library`)).toBeVisible();
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect(returnButton).toBeFocused();
    await page.keyboard.press("Enter");
    const confirm = page.getByRole("button", { name: `Confirm return of ${title}` });
    await expect(confirm).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: `Returned “${title}”.` })).toBeVisible();
    await expect(page.getByRole("banner").getByRole("link", { name: "My loans (0)" })).toBeVisible();
    await expect(page.getByText("You have nothing on loan.")).toBeVisible();
  });
});

test("a librarian checks a copy out and in at the desk using only the keyboard", async ({ page }) => {
  await signIn(page, "librarian@demo.stacks");
  const barcode = await shelfBarcode(page, 340);
  await page.goto("/admin/circulation");
  const lookup = page.getByLabel("Patron card, email or name");
  await expect(lookup).toBeFocused();
  await page.keyboard.type("reader@demo.stacks");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/patron=\d+/);
  await expect(page.getByText("Robin Reader", { exact: true })).toBeVisible();

  await expect(page.getByLabel("Copy barcode")).toBeFocused();
  await page.keyboard.type(barcode);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: `Checked out:` }).filter({ hasText: barcode })).toBeVisible();
  await expect(page.getByLabel("Copy barcode")).toBeFocused();

  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Check-in barcode")).toBeFocused();
  await page.keyboard.type(barcode);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: `Checked in:` }).filter({ hasText: "Was on loan to Robin Reader" })).toBeVisible();
});

test("a librarian takes a fine payment at the desk", async ({ page }) => {
  await signIn(page, "librarian@demo.stacks");
  await page.goto("/admin/circulation");
  await page.getByLabel("Patron card, email or name").fill("fines@demo.stacks");
  await page.getByRole("button", { name: "Find patron" }).click();
  await expect(page.getByRole("heading", { name: "Fines: £7.25 owed" })).toBeVisible();
  await page.getByLabel("Amount", { exact: true }).fill("2.00");
  await page.getByRole("button", { name: "Record payment" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Payment of £2.00 recorded (cash). Still owed: £5.25." })).toBeVisible();
});

test("marking a copy lost at the desk asks first, by keyboard", async ({ page }) => {
  await signIn(page, "librarian@demo.stacks");
  const barcode = await shelfBarcode(page, 373);
  await page.goto("/admin/circulation");
  await page.getByLabel("Barcode of lost copy").fill(barcode);
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("button", { name: "Confirm mark lost" });
  await expect(confirm).toBeFocused();
  await expect(page.getByText("Mark this copy lost? Its loan ends and the patron is charged")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(confirm).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Mark lost" })).toBeFocused();

  await page.keyboard.press("Enter");
  await expect(confirm).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Marked lost. It was not on loan, so nobody was charged." })).toBeVisible();
});
