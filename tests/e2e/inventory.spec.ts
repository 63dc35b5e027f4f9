import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { DEMO, signIn } from "./people";

// A librarian catalogues a new title with two copies, finds it in the public catalogue, edits
// it and withdraws a copy; the inventory pages pass axe's WCAG A/AA checks.

const WCAG_TAGS = ["wcag2a", "wcag2aa"];

/** A made-up word no demo title has, so the catalogue search finds exactly this title. */
function uniqueWord(): string {
  const letters = "bcdfghjklmnpqrstvwxz";
  return `Quill${Array.from({ length: 8 }, () => letters[Math.floor(Math.random() * letters.length)]).join("")}`;
}

async function expectNoViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/** Adds a copy and returns its generated barcode; `count` is how many copies the title then has. */
async function addCopy(page: Page, shelf: string, count: number): Promise<string> {
  await page.getByLabel("Shelf location", { exact: true }).fill(shelf);
  await page.getByRole("button", { name: "Add copy" }).click();
  await expect(page.getByRole("checkbox")).toHaveCount(count);
  const status = page.getByRole("status").filter({ hasText: /Copy C\d+ added/ });
  await expect(status).toBeVisible();
  const barcode = /Copy (C\d+) added/.exec((await status.textContent()) ?? "")?.[1];
  expect(barcode).toBeTruthy();
  await expect(page.getByText(barcode!, { exact: true })).toBeVisible();
  return barcode!;
}

test("a librarian adds a title with two copies, finds it, edits it and withdraws a copy", async ({ page }) => {
  const word = uniqueWord();
  await signIn(page, DEMO.librarian);

  await page.goto("/admin/inventory");
  await expect(page.getByRole("heading", { level: 1, name: "Inventory" })).toBeVisible();
  await page.getByRole("link", { name: "Add a title" }).click();

  await page.getByLabel("Title", { exact: true }).fill(`The ${word} Atlas`);
  await page.getByLabel(/^Authors/).fill("Ada Quillfeather\nBo Marsh");
  await page.getByLabel("Genres").fill("Travel, History");
  await page.getByLabel("Year").fill("2021");
  await page.getByLabel("Language").fill("en");
  await page.getByRole("button", { name: "Add title" }).click();
  await expect(page).toHaveURL(/\/admin\/inventory\/\d+/);
  await expect(page.getByRole("status").filter({ hasText: "Title added" })).toBeVisible();
  const editPath = new URL(page.url()).pathname;

  const first = await addCopy(page, "Travel A–H, shelf 2", 1);
  const second = await addCopy(page, "Travel A–H, shelf 2", 2);
  expect(second).not.toBe(first);

  await page.goto(`/search?q=${word}`);
  await expect(page.getByRole("link", { name: new RegExp(`The ${word} Atlas`) }).first()).toBeVisible();
  await expect(page.getByText("2 of 2 available")).toBeVisible();

  await page.goto(editPath);
  await page.getByLabel("Subtitle").fill("Maps of nowhere");
  await page.getByRole("button", { name: "Save title" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Title saved." })).toBeVisible();
  await expect(page.getByLabel("Subtitle")).toHaveValue("Maps of nowhere");

  await page.getByRole("button", { name: `Withdraw copy ${first}` }).click();
  await page.getByRole("button", { name: "Yes, withdraw it" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Copy withdrawn" })).toBeVisible();
  await expect(page.getByRole("button", { name: `Withdraw copy ${first}` })).toHaveCount(0);

  await page.goto(`/search?q=${word}`);
  await expect(page.getByText("1 of 1 available")).toBeVisible();

  await page.goto(`/admin/inventory?q=${word}`);
  const row = page.getByRole("row").filter({ hasText: word });
  await expect(row.getByRole("cell").nth(5)).toHaveText("1");
});

test("the inventory and a title's edit page have no WCAG A/AA violations", async ({ page }) => {
  await signIn(page, DEMO.librarian);
  await page.goto("/admin/inventory");
  await expect(page.getByRole("table")).toBeVisible();
  await expectNoViolations(page);

  await page.getByRole("button", { name: /Authors/ }).click();
  await expect(page).toHaveURL(/sort=author/);
  await expect(page.getByRole("columnheader", { name: /Authors/ })).toHaveAttribute("aria-sort", "ascending");

  await page.getByRole("table").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/admin\/inventory\/\d+/);
  await expect(page.getByRole("heading", { name: "Copies" })).toBeVisible();
  await expectNoViolations(page);
});

test("a column clicked after another sorted descending starts ascending", async ({ page }) => {
  await signIn(page, DEMO.librarian);
  await page.goto("/admin/inventory");
  await page.getByRole("button", { name: /Title/ }).click();
  await expect(page).toHaveURL(/dir=desc/);
  await expect(page.getByRole("columnheader", { name: /Title/ })).toHaveAttribute("aria-sort", "descending");
  await page.getByRole("button", { name: /ISBN/ }).click();
  await expect(page).toHaveURL(/sort=isbn/);
  await expect(page).not.toHaveURL(/dir=desc/);
  await expect(page.getByRole("columnheader", { name: /ISBN/ })).toHaveAttribute("aria-sort", "ascending");
});
