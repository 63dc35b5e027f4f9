import { expect, test } from "@playwright/test";
import { errorMessage, newEmail, register, signIn, signOut, submitSignIn } from "./people";

test("a new patron registers, signs in, finds The Hunger Games and signs out", async ({ page }) => {
  const email = newEmail("reader");
  const password = "correct horse battery";
  const card = await register(page, "Rosa Reader", email, password);
  await expect(page.getByRole("status").filter({ hasText: `Your library card number is ${card}` })).toBeVisible();

  await signOut(page);
  await expect(page).toHaveURL("/");

  await signIn(page, email, password);
  const searchBox = page.getByRole("banner").getByLabel("Search the catalogue");
  await searchBox.fill("hunger games");
  await searchBox.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=hunger\+games/);

  const results = page.getByRole("region", { name: /result/ });
  const first = results.getByRole("listitem").first();
  await expect(first.getByRole("heading")).toHaveText(/^The Hunger Games/);
  await first.getByRole("link", { name: /^The Hunger Games/ }).click();

  await expect(page).toHaveURL(/\/books\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^The Hunger Games/);
  await expect(page.getByRole("link", { name: "Suzanne Collins" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Availability" })).toContainText(/\d+ of \d+ available|on loan|None of \d+ available|Not available/);
  await expect(page.getByRole("table", { name: "Copies of this title" }).getByRole("row")).not.toHaveCount(0);

  await signOut(page);
  await expect(page.getByRole("banner").getByRole("link", { name: "My account" })).toHaveCount(0);
});

test("a patron signs in with the card number instead of the email", async ({ page }) => {
  const password = "a long enough password";
  const card = await register(page, "Carl Cardholder", newEmail("card"), password);
  await signOut(page);

  await signIn(page, card, password);
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello, Carl Cardholder");
});

test("a wrong password is refused with a message", async ({ page }) => {
  const email = newEmail("typo");
  await register(page, "Tess Typo", email, "the right password");
  await signOut(page);

  await page.goto("/sign-in");
  await submitSignIn(page, email, "the wrong password");
  await expect(errorMessage(page, "do not match an account")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("banner").getByRole("button", { name: "Sign out" })).toHaveCount(0);
});
