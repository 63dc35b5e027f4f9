import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./people";

// The circulation desk: a walk-in registered and lent a book by keyboard, and the desk's one
// message area where the librarian is looking, at desk and phone sizes.

/** The barcode of a copy on the shelf, read from the title page like a librarian would. */
async function shelfBarcode(page: Page, titleId: number): Promise<string> {
  await page.goto(`/books/${titleId}`);
  const row = page.getByRole("table", { name: "Copies of this title" }).getByRole("row").filter({ hasText: "On the shelf" }).first();
  return (await row.getByRole("cell").first().innerText()).trim();
}

const outcome = (page: Page) => page.locator("#desk-outcome");

test("a librarian registers a walk-in and lends them a book by keyboard alone", async ({ page }) => {
  await signIn(page, "librarian@demo.stacks");
  const barcode = await shelfBarcode(page, 440);
  const name = `Walk In ${Date.now()}`;
  await page.goto("/admin/circulation");
  await expect(page.getByLabel("Patron card, email or name")).toBeFocused();

  const started = Date.now();
  await page.keyboard.press("Tab"); // Find patron
  await page.keyboard.press("Tab"); // Register a new patron
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Name", { exact: true })).toBeFocused();
  await page.keyboard.type(name);
  await page.keyboard.press("Tab"); // Category: Adult, as it comes
  await expect(page.getByLabel("Category")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Email", { exact: true })).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.type("01632 960123");
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/patron=\d+/);
  await expect(outcome(page)).toContainText(`Registered: ${name}, card S`);
  await expect(page.getByLabel("Copy barcode")).toBeFocused();
  await page.keyboard.type(barcode);
  await page.keyboard.press("Enter");
  await expect(outcome(page)).toContainText(`Checked out:`);
  await expect(outcome(page)).toContainText(barcode);
  const seconds = (Date.now() - started) / 1000;
  console.log(`Walk-in registered and lent a book by keyboard in ${seconds.toFixed(1)} s`);

  const visit = page.getByRole("region", { name: "This visit" });
  await expect(visit.getByRole("listitem")).toHaveText([new RegExp(`^Registered: ${name}`), /^Checked out: /]);
  await expect(page.getByRole("region", { name: "Patron's loans, holds and fines" }).getByText(barcode)).toBeVisible();

  // Done: the next patron starts afresh, typing straight into the patron field.
  await page.keyboard.press("Shift+Tab");
  await expect(page.getByRole("button", { name: "Done" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).not.toHaveURL(/patron=/);
  await expect(page.getByLabel("Patron card, email or name")).toBeFocused();
  await expect(page.getByRole("region", { name: "This visit" })).toHaveCount(0);
});

for (const width of [375, 1280]) {
  test(`at ${width} px the desk's message shows by the barcode field above a patron's loans`, async ({ page }) => {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 800 });
    await signIn(page, "librarian@demo.stacks");
    const offset = width === 375 ? 0 : 5;
    const barcodes = [];
    for (const id of [450, 460, 470, 480].map((n) => n + offset)) barcodes.push(await shelfBarcode(page, id));
    await page.goto("/admin/circulation");
    await page.getByRole("button", { name: "Register a new patron" }).click();
    await page.getByLabel("Name", { exact: true }).fill(`Three Loans ${width}`);
    await page.getByLabel("Email", { exact: true }).fill(`three-${width}-${Date.now()}@example.org`);
    await page.getByRole("button", { name: "Register patron" }).click();
    await expect(page.getByLabel("Copy barcode")).toBeFocused();

    for (const barcode of barcodes) {
      await page.getByLabel("Copy barcode").fill(barcode);
      await page.getByLabel("Copy barcode").press("Enter");
      await expect(outcome(page)).toContainText(barcode);
    }
    // One message, the latest, right where the librarian scans.
    await expect(outcome(page).getByText(/^Checked out:/)).toHaveCount(1);
    await expect(outcome(page)).toBeInViewport();
    const field = await page.getByLabel("Copy barcode").boundingBox();
    const message = await outcome(page).boundingBox();
    const loans = await page.getByRole("heading", { name: "Current loans" }).boundingBox();
    expect(message!.y).toBeGreaterThan(field!.y);
    expect(message!.y).toBeLessThan(loans!.y);
    mkdirSync("/tmp/shots", { recursive: true });
    await page.screenshot({ path: `/tmp/shots/desk-${width}.png` });

    // A copy on loan to someone else says to whom; an error shows once and replaces the success.
    await page.getByLabel("Copy barcode").fill(barcodes[0]);
    await page.getByLabel("Copy barcode").press("Enter");
    await expect(outcome(page)).toHaveText(/^This copy is already on loan to this patron, due \d+ \w+ \d{4}\.$/);
    await expect(page.getByText("already on loan to this patron")).toHaveCount(1);
  });
}

test("the desk takes a payment by method, one message at a time, and reads £1.00", async ({ page }) => {
  await signIn(page, "librarian@demo.stacks");
  await page.goto("/admin/circulation");
  await page.getByLabel("Patron card, email or name").fill("fines@demo.stacks");
  await page.getByRole("button", { name: "Find patron" }).click();
  // The demo's £7.25, less what the circulation spec took (specs share the demo library).
  const heading = await page.getByRole("heading", { name: /^Fines: £[\d.]+ owed$/ }).innerText();
  const owed = Math.round(Number(/£([\d.]+)/.exec(heading)![1]) * 100);
  const pounds = (cents: number) => `£${(cents / 100).toFixed(2)}`;
  await expect(page.getByText(`Borrowing blocked: fines ${pounds(owed)} reach the £5.00 limit — take a payment.`)).toBeVisible();
  await expect(page.getByText(/Please pay at the desk/)).toHaveCount(0);

  await page.getByLabel("Amount", { exact: true }).fill("2,50");
  await page.getByRole("button", { name: "Record payment" }).click();
  await expect(outcome(page)).toHaveText("Use a point for pence: 2.50, not 2,50.");
  await expect(page.getByText("Use a point for pence")).toHaveCount(1);
  await expect(page.getByLabel("Amount", { exact: true })).toHaveValue("2,50");

  await page.getByLabel("Amount", { exact: true }).fill("£1.00");
  await page.getByRole("radio", { name: "Card" }).check();
  await page.getByRole("button", { name: "Record payment" }).click();
  await expect(outcome(page)).toHaveText(`Payment of £1.00 recorded (card). Still owed: ${pounds(owed - 100)}.`);
  await page.getByLabel("Amount", { exact: true }).fill("1");
  await page.getByRole("button", { name: "Record payment" }).click();
  await expect(outcome(page)).toHaveText(`Payment of £1.00 recorded (cash). Still owed: ${pounds(owed - 200)}.`);
  // The earlier balance is history in this visit's list, not a second message beside the new one.
  await expect(page.getByRole("status").filter({ hasText: `Still owed: ${pounds(owed - 100)}` })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "This visit" }).getByRole("listitem")).toHaveCount(2);
});
