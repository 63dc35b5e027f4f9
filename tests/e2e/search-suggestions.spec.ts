import { expect, test } from "@playwright/test";

// The catalogue search box suggests as the patron types and is worked by the keyboard alone
// (the WAI-ARIA combobox pattern); the facet counts beside the results narrow them by a click.

test("typing, ArrowDown and Enter open the suggested title's page", async ({ page }) => {
  await page.goto("/search");
  const box = page.getByRole("combobox", { name: "Search words" });
  await box.pressSequentially("the hunger ga");
  const list = page.getByRole("listbox", { name: "Suggestions" });
  await expect(list.getByRole("option").first()).toContainText("The Hunger Games");
  await expect(box).toHaveAttribute("aria-expanded", "true");

  await box.press("ArrowDown");
  const first = list.getByRole("option").first();
  await expect(first).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", (await first.getAttribute("id"))!);

  await box.press("Enter");
  await expect(page).toHaveURL(/\/books\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^The Hunger Games/);
});

test("Escape closes the suggestions and Enter still searches the words typed", async ({ page }) => {
  await page.goto("/search");
  const box = page.getByRole("combobox", { name: "Search words" });
  await box.pressSequentially("rowl");
  const list = page.getByRole("listbox", { name: "Suggestions" });
  await expect(list.getByRole("option", { name: /J\.K\. Rowling.*author/ })).toBeVisible();
  await box.press("Escape");
  await expect(list).toBeHidden();
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await expect(box).toHaveValue("rowl");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=rowl(&|$)/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Results for “rowl”");
});

test("an author suggestion opens the author's books", async ({ page }) => {
  await page.goto("/search");
  const box = page.getByRole("combobox", { name: "Search words" });
  await box.pressSequentially("suzanne coll");
  await page.getByRole("option", { name: /Suzanne Collins.*author/ }).click();
  await expect(page).toHaveURL(/\/search\?author=Suzanne\+Collins$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Books by Suzanne Collins");
});

test("a facet count narrows the results to its titles", async ({ page }) => {
  await page.goto("/search?q=harry+potter");
  const facets = page.getByRole("navigation", { name: "Narrow the results" });
  const rowling = facets.getByRole("link", { name: /^J\.K\. Rowling/ });
  const count = Number(/(\d+) titles?/.exec((await rowling.textContent()) ?? "")?.[1]);
  expect(count).toBeGreaterThan(1);
  await expect(rowling).toHaveAccessibleName(new RegExp(`${count} titles`));
  await rowling.click();
  await expect(page).toHaveURL(/author=J\.K\.\+Rowling/);
  await expect(page.getByRole("heading", { level: 2, name: /results?$/ })).toHaveText(`${count} result${count === 1 ? "" : "s"}`);
  await expect(page.getByRole("list", { name: "Filters in use" })).toContainText("Author: J.K. Rowling");
  await expect(facets.getByRole("link", { name: /^✓?\s*J\.K\. Rowling/ })).toHaveAttribute("aria-current", "true");
});
