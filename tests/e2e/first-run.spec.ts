import { expect, test } from "@playwright/test";
import { newEmail } from "./people";
import { EMPTY_LIBRARY_URL } from "./servers";

// The second server runs on a new database without STACKS_DEMO: no accounts, no books.
test.use({ baseURL: EMPTY_LIBRARY_URL });

test("a new library asks its first visitor to create the administrator", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Set up your library");

  await page.getByLabel("Full name").fill("Ada Admin");
  await page.getByLabel("Email", { exact: true }).fill(newEmail("admin"));
  await page.getByLabel("Password", { exact: true }).fill("a strong admin password");
  await page.getByRole("button", { name: "Create administrator" }).click();

  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Staff dashboard");

  // Once there is an administrator, setup is closed.
  await page.goto("/setup");
  await expect(page).not.toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Set up your library" })).toHaveCount(0);
});
