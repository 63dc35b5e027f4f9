import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./people";

// A librarian imports a MARC 21 file of Library of Congress records through the dashboard: the
// preview lists what it adds or updates, the import lands, and the public catalogue finds the
// titles by title, author and ISBN. A file with broken records lists each one and offers no import.

const FIXTURES = "tests/fixtures/marc";

test("a MARC file of Library of Congress records is previewed, imported and found", async ({ page }) => {
  await signIn(page, DEMO.librarian);
  await page.goto("/admin/inventory");
  await page.getByRole("link", { name: "Import CSV or MARC" }).click();
  await expect(page).toHaveURL(/\/admin\/inventory\/import/);

  await page.getByLabel("Catalogue file (CSV or MARC)", { exact: true }).setInputFiles(`${FIXTURES}/loc-books.mrc`);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("heading", { name: "Preview (nothing has changed yet)" })).toBeVisible();
  await expect(page.getByText("0 bad records")).toBeVisible();
  // The demo catalogue may hold some of these books already: together they are five records.
  const importButton = page.getByRole("button", { name: "Import 5 records" });
  await expect(importButton).toBeVisible();
  await page.getByText(/^Titles to (add|update) \(/).first().click();
  await expect(page.getByRole("columnheader", { name: "Record" }).first()).toBeVisible();

  await importButton.click();
  await expect(page.getByRole("status").filter({ hasText: /^Imported: \d+ titles? added, \d+ titles? updated/ })).toBeVisible();

  await page.goto("/search?q=pragmatic+programmer");
  await expect(page.getByRole("link", { name: /The pragmatic programmer/ }).first()).toBeVisible();
  await page.goto("/search?q=Andrew+Hunt+David+Thomas");
  await expect(page.getByRole("link", { name: /The pragmatic programmer/ }).first()).toBeVisible();
  await page.goto("/search?q=978-0-201-61622-4");
  await expect(page.getByRole("link", { name: /The pragmatic programmer/ }).first()).toBeVisible();
});

test("a MARC file with broken records imports nothing and lists each bad record", async ({ page }) => {
  await signIn(page, DEMO.librarian);
  await page.goto("/admin/inventory/import");
  await page.getByLabel("Catalogue file (CSV or MARC)", { exact: true }).setInputFiles(`${FIXTURES}/broken-records.mrc`);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByText("4 bad records")).toBeVisible();
  const bad = page.getByRole("heading", { name: "Records to fix before importing" }).locator("..");
  await expect(bad.getByRole("listitem")).toHaveText([/^Record 3: .*no title/, /^Record 4: .*MARC-8/, /^Record 5: .*directory is broken/, /^Record 6: .*same ISBN is already on record 1/]);
  await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);
  await expect(page.getByText("fix the records above, then preview the file again")).toBeVisible();
});
