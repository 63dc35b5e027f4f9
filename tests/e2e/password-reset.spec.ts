import { expect, test } from "@playwright/test";
import { mailTo } from "./mailbox";
import { errorMessage, newEmail, register, signIn, signOut } from "./people";

test("a patron who forgot their password follows the emailed link, signs in with the new one, and the link works only once", async ({ page }) => {
  const email = newEmail("forgetful");
  await register(page, "Fern Forgetful", email, "the first password");
  await signOut(page);

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByText("If an account uses that email address, we have sent it a link")).toBeVisible();

  const mail = await mailTo(email, /reset-password\?token=/);
  const link = mail.match(/http:\/\/localhost:\d+\/reset-password\?token=[A-Za-z0-9_-]+/)![0];
  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill("the second password");
  await page.getByLabel("Repeat new password").fill("the second password");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?reset=1/);
  await expect(page.getByText("Your new password is set")).toBeVisible();

  await signIn(page, email, "the second password");
  await signOut(page);

  await page.goto(link);
  await expect(errorMessage(page, "This link has already been used or has expired")).toBeVisible();
  await expect(page.getByLabel("New password", { exact: true })).toHaveCount(0);
});

test("an unknown email gets the same answer", async ({ page }) => {
  await page.goto("/forgot-password");
  await page.getByLabel("Email address").fill(newEmail("nobody"));
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByText("If an account uses that email address, we have sent it a link")).toBeVisible();
});
