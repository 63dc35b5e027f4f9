import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./people";

// The desk's paper: after a check-out the librarian opens the slip (a new tab), prints it at
// receipt or A4 size, and prints a patron's library card with the card number as a barcode.

const SHOTS = "/tmp/desk-shots";

async function shelfBarcode(page: Page, titleId: number): Promise<string> {
  await page.goto(`/books/${titleId}`);
  const row = page.getByRole("table", { name: "Copies of this title" }).getByRole("row").filter({ hasText: "On the shelf" }).first();
  return (await row.getByRole("cell").first().innerText()).trim();
}

/** The size of the PDF's one page in points (1 mm = 72 / 25.4 pt): a slip prints on one sheet. */
function pdfPageSize(pdf: Buffer): { width: number; height: number } {
  const text = pdf.toString("latin1");
  expect(text.match(/\/Type\s*\/Page\b(?!s)/g)).toHaveLength(1);
  const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(text);
  return { width: Number(box![1]), height: Number(box![2]) };
}

const mm = (points: number) => Math.round((points * 25.4) / 72);

test("after a check-out the desk prints a slip with the due date of everything on the patron's card", async ({ page, context }) => {
  // Printing is the browser's dialog: the test records that the button asked for it.
  await context.addInitScript(() => {
    window.print = () => document.documentElement.setAttribute("data-printed", "yes");
  });
  await signIn(page, "librarian@demo.stacks");
  const barcodes = [await shelfBarcode(page, 710), await shelfBarcode(page, 720)];
  const name = `Slip Reader ${Date.now()}`;
  await page.goto("/admin/circulation");
  await page.getByRole("button", { name: "Register a new patron" }).click();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Email", { exact: true }).fill(`slip-${Date.now()}@example.org`);
  await page.getByRole("button", { name: "Register patron" }).click();
  await expect(page.getByLabel("Copy barcode")).toBeFocused();
  const card = /card (S\d+)/.exec((await page.locator("#desk-outcome").innerText()) ?? "")![1];
  for (const barcode of barcodes) {
    await page.getByLabel("Copy barcode").fill(barcode);
    await page.getByLabel("Copy barcode").press("Enter");
    await expect(page.locator("#desk-outcome")).toContainText(barcode);
  }
  const dueDate = /due (\d+ \w+ \d{4})/.exec(await page.locator("#desk-outcome").innerText())![1];
  // The slip's link is not in the way of the keyboard: Tab, Tab still reaches the check-in field.
  await expect(page.getByLabel("Copy barcode")).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Check-in barcode")).toBeFocused();

  const opened = context.waitForEvent("page");
  await page.getByRole("navigation", { name: "Slips to print" }).getByRole("link", { name: "Check-out slip" }).click();
  const slipPage = await opened;
  await slipPage.waitForLoadState();
  const slip = slipPage.getByRole("article", { name: "Check-out slip" });
  await expect(slip).toContainText(name);
  await expect(slip).toContainText(card);
  await expect(slip).toContainText("On loan: 2 items");
  for (const barcode of barcodes) await expect(slip.getByRole("listitem").filter({ hasText: barcode })).toContainText(`Due ${dueDate}`);

  await slipPage.getByRole("button", { name: "Print slip" }).click();
  await expect(slipPage.locator("html")).toHaveAttribute("data-printed", "yes");

  // On paper only the slip: no header, navigation or buttons, on an 80 mm roll.
  await slipPage.emulateMedia({ media: "print" });
  await expect(slipPage.getByRole("button", { name: "Print slip" })).toBeHidden();
  await expect(slipPage.getByRole("banner")).toBeHidden();
  mkdirSync(SHOTS, { recursive: true });
  await slipPage.screenshot({ path: `${SHOTS}/checkout-slip-print.png` });
  const receipt = await slipPage.pdf({ path: `${SHOTS}/checkout-slip-80mm.pdf`, preferCSSPageSize: true, printBackground: true });
  expect(mm(pdfPageSize(receipt).width)).toBe(80);

  await slipPage.emulateMedia({ media: "screen" });
  await slipPage.getByRole("navigation", { name: "Paper" }).getByRole("link", { name: "A4" }).click();
  await expect(slipPage.getByRole("link", { name: "A4" })).toHaveAttribute("aria-current", "page");
  await slipPage.emulateMedia({ media: "print" });
  const a4 = await slipPage.pdf({ path: `${SHOTS}/checkout-slip-a4.pdf`, preferCSSPageSize: true });
  expect([mm(pdfPageSize(a4).width), mm(pdfPageSize(a4).height)]).toEqual([210, 297]);

  // The library card, from the patron at the counter.
  const cardOpened = context.waitForEvent("page");
  await page.getByRole("link", { name: "Print library card" }).click();
  const cardPage = await cardOpened;
  await cardPage.waitForLoadState();
  const libraryCard = cardPage.getByRole("article", { name: "Library card" });
  await expect(libraryCard).toContainText(name);
  await expect(libraryCard.getByRole("img", { name: `Barcode ${card}` }).locator("svg")).toBeVisible();
  await cardPage.emulateMedia({ media: "print" });
  await cardPage.screenshot({ path: `${SHOTS}/library-card-print.png` });
  const cardPdf = await cardPage.pdf({ path: `${SHOTS}/library-card.pdf`, preferCSSPageSize: true, printBackground: true });
  expect(mm(pdfPageSize(cardPdf).width)).toBe(86);
  expect(mm(pdfPageSize(cardPdf).height)).toBe(54);

  // Back at the desk: the copies go back to the shelf for the other specs.
  for (const barcode of barcodes) {
    await page.getByLabel("Check-in barcode").fill(barcode);
    await page.getByLabel("Check-in barcode").press("Enter");
    await expect(page.locator("#desk-outcome")).toContainText(`Checked in: `);
  }
});
