import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./people";

test("an administrator adds a self-check kiosk, turns it off and gives it a new password", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Staff dashboard" }).getByRole("link", { name: "Self-check devices" }).first().click();
  await expect(page.getByRole("heading", { name: "Self-check devices", level: 1 })).toBeVisible();
  await expect(page.getByRole("table", { name: "SIP2 devices" }).getByRole("row").filter({ hasText: "selfcheck" })).toBeVisible();

  const login = `kiosk-${Date.now()}`;
  const form = page.getByRole("region", { name: "Add a device" });
  await form.getByLabel("Login").fill(login);
  await form.getByLabel("Password").fill("short");
  await form.getByLabel("Location").fill("Children's corner");
  await form.getByRole("button", { name: "Add device" }).click();
  await expect(form.getByText("A device password has at least 8 characters.")).toBeVisible();
  await expect(form.getByLabel("Login")).toHaveValue(login);
  await form.getByLabel("Password").fill("kiosk-corner-password");
  await form.getByLabel("Place and cancel holds").check();
  await form.getByRole("button", { name: "Add device" }).click();
  await expect(form.getByText(`Device ${login} added.`)).toBeVisible();

  const row = page.getByRole("table", { name: "SIP2 devices" }).getByRole("row").filter({ hasText: login });
  await expect(row).toContainText("Children's corner");
  await expect(row).toContainText("Place and cancel holds");
  await expect(row).toContainText("Never");
  await row.getByRole("button", { name: `Turn off ${login}` }).click();
  await expect(row.getByText(`${login} is off: it cannot sign in.`)).toBeVisible();
  await expect(row.getByRole("button", { name: `Turn on ${login}` })).toBeVisible();
  await row.getByLabel(`New password of ${login}`).fill("another-corner-password");
  await row.getByRole("button", { name: `Set new password for ${login}` }).click();
  await expect(row.getByText(`New password saved for ${login}.`)).toBeVisible();
});

test("a librarian is not shown the devices page", async ({ page }) => {
  await signIn(page, DEMO.librarian);
  await page.goto("/admin");
  await expect(page.getByRole("navigation", { name: "Staff dashboard" }).getByRole("link", { name: "Self-check devices" })).toHaveCount(0);
});
