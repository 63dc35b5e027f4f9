import { expect, test } from "@playwright/test";
import { DEMO, newEmail, register, signIn, signOut } from "./people";

test("an admin finds a patron by email and makes them a librarian", async ({ page }) => {
  const email = newEmail("new-librarian");
  const name = `Lee Shelver ${Date.now()}`;
  await register(page, name, email, "a long enough password");
  await signOut(page);

  await signIn(page, DEMO.admin);
  await page.goto("/admin/staff");
  await page.getByLabel("Email of the account").fill(email);
  await page.getByRole("button", { name: "Find" }).click();
  await page.getByLabel(`Role of ${name}`, { exact: true }).selectOption({ label: "Librarian" });
  await page.getByRole("button", { name: `Change role of ${name}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Role changed to librarian." })).toBeVisible();

  await page.reload();
  const staff = page.getByRole("region", { name: "Current staff" });
  await expect(staff.getByLabel(`Role of ${name}`, { exact: true })).toHaveValue("LIBRARIAN");
});
