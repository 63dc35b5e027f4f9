import { expect, test } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, signIn, submitSignIn } from "./people";

test("a visitor going to their account is asked to sign in and then taken there", async ({ page }) => {
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");

  await submitSignIn(page, DEMO.patron, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Your library card" })).toBeVisible();
});

test("a patron is turned away from the staff pages", async ({ page }) => {
  await signIn(page, DEMO.patron);
  await expect(page.getByRole("banner").getByRole("link", { name: "Staff dashboard" })).toHaveCount(0);

  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Staff only");
});

test("a librarian reaches the staff dashboard", async ({ page }) => {
  await signIn(page, DEMO.librarian);
  await page.getByRole("banner").getByRole("link", { name: "Staff dashboard" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Staff dashboard");
});
