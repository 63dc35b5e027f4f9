import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { mailTo } from "./mailbox";
import { errorMessage, newEmail, register, signIn, submitSignIn } from "./people";

test("a new email address changes only once the link sent to it is followed, and the old one is told", async ({ page }) => {
  const email = newEmail("mover");
  const moved = newEmail("moved");
  await register(page, "Milo Mover", email, "a moving password");
  await page.goto("/account/profile");
  await page.getByLabel("New email address").fill(moved);
  await page.getByLabel("Current password").fill("a moving password");
  await page.getByRole("button", { name: "Send confirmation link" }).click();
  await expect(page.getByText(`We have sent a link to ${moved}`)).toBeVisible();
  await page.reload();
  await expect(page.getByText(`Now: ${email}.`)).toBeVisible();

  const mail = await mailTo(moved, /confirm-email\?token=/);
  const link = mail.match(/http:\/\/localhost:\d+\/confirm-email\?token=[A-Za-z0-9_-]+/)![0];
  await page.goto(link);
  await page.getByRole("button", { name: "Confirm new email address" }).click();
  await expect(page.getByText("Your email address is changed.")).toBeVisible();
  await mailTo(email, /now uses/);
  await page.goto("/account/profile");
  await expect(page.getByText(`Now: ${moved}.`)).toBeVisible();
});

test("a patron downloads their data, then closes their account and cannot sign in again", async ({ page }) => {
  const email = newEmail("leaver");
  await register(page, "Lena Leaver", email, "a leaving password");
  await page.goto("/account/privacy");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download my data (JSON)" }).click();
  const data = JSON.parse(readFileSync((await (await download).path())!, "utf8"));
  expect(data.profile).toMatchObject({ name: "Lena Leaver", email });
  expect(data).toHaveProperty("loans");

  await expect(page.getByText("Nothing is on loan or owed, so your name, email, phone and address are cleared at once.")).toBeVisible();
  await page.getByRole("button", { name: "Close my account" }).click();
  await page.getByRole("button", { name: "Confirm closing my account" }).click();
  await expect(page).toHaveURL(/\/sign-in\?closed=now/);
  await expect(page.getByText("Your account is closed and your details have been cleared.")).toBeVisible();

  await submitSignIn(page, email, "a leaving password");
  await expect(errorMessage(page, "do not match an account")).toBeVisible();
});

test("the admin sets how long returned loans keep their patron", async ({ page }) => {
  await signIn(page, "admin@demo.stacks");
  await page.goto("/admin/settings");
  const field = page.getByLabel("Anonymise returned loans after (days)");
  await expect(field).toHaveValue("");
  await field.fill("0");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Use at least 1 day.").first()).toBeVisible();
  // Left blank again: the demo library keeps its loans as they are.
  await field.fill("");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
});
