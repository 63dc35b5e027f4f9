import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO, newEmail, register, signIn, submitSignIn } from "./people";

// Staff powers stop at staff, and a reset or "sign out everywhere" ends the other sessions.

async function openPatron(page: Page, query: string, name: string): Promise<void> {
  await page.goto(`/admin/patrons?q=${encodeURIComponent(query)}`);
  await page.getByRole("link", { name }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
}

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test("a librarian is offered no way to change, block or reset the administrator", async ({ page }) => {
  await signIn(page, DEMO.librarian);
  await openPatron(page, DEMO.admin, "Ada Admin");
  await expect(page.getByText("This is a staff account: only an administrator may change it.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Reset password" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Block/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Save/ })).toHaveCount(0);
});

test("after a staff reset the old session is signed out, and the temporary password must be replaced", async ({ browser }) => {
  const patron = await newPage(browser);
  const email = newEmail("reset");
  await register(patron, "Rita Reset", email, "rita's first password");

  const desk = await newPage(browser);
  await signIn(desk, DEMO.librarian);
  await openPatron(desk, email, "Rita Reset");
  await desk.getByRole("button", { name: "Reset password" }).click();
  // It asks first, with the focus on the confirmation.
  await expect(desk.getByRole("button", { name: "Confirm password reset for Rita Reset" })).toBeFocused();
  await desk.keyboard.press("Enter");
  const temporary = (await desk.locator("code").first().textContent())!.trim();
  expect(temporary).toHaveLength(14);

  // The patron's old session ends at its next request.
  await patron.goto("/account");
  await expect(patron).toHaveURL(/\/sign-in/);

  await submitSignIn(patron, email, temporary);
  await expect(patron).toHaveURL(/\/change-password$/);
  await patron.goto("/account/loans");
  await expect(patron).toHaveURL(/\/change-password$/);
  await patron.getByLabel("Temporary password").fill(temporary);
  await patron.getByLabel("New password", { exact: true }).fill("rita's own new password");
  await patron.getByLabel("Repeat new password").fill("rita's own new password");
  await patron.getByRole("button", { name: "Change password" }).click();
  await expect(patron).toHaveURL(/\/account$/);
  await expect(patron.getByRole("heading", { level: 1 })).toHaveText("Hello, Rita Reset");
});

test("sign out everywhere ends the account's sessions on every device", async ({ browser }) => {
  const laptop = await newPage(browser);
  const email = newEmail("everywhere");
  await register(laptop, "Eve Everywhere", email, "eve's long password");
  const phone = await newPage(browser);
  await signIn(phone, email, "eve's long password");

  await laptop.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(laptop).toHaveURL(/\/sign-in/);
  await expect(laptop.getByText("You are signed out on every device.")).toBeVisible();
  await phone.goto("/account");
  await expect(phone).toHaveURL(/\/sign-in/);
});

test("blocking a patron asks first, and a block without a reason is refused at the reason field", async ({ page }) => {
  await signIn(page, DEMO.librarian);
  await openPatron(page, DEMO.patron, "Pat Patron");
  await page.getByRole("button", { name: "Block account" }).click();
  await expect(page.getByText("Block Pat Patron? They cannot borrow, renew or reserve until the block is lifted")).toBeVisible();
  await page.getByRole("button", { name: "Confirm block of Pat Patron" }).click();
  const reason = page.getByLabel("Reason for blocking");
  await expect(reason).toBeFocused();
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  // Still unblocked: the Block button is back, under the message.
  await expect(page.getByRole("button", { name: "Block account" })).toBeVisible();
});
