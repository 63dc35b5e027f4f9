import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { errorMessage, newEmail } from "./people";
import { EMPTY_CONSOLE_LOG, EMPTY_LIBRARY_URL } from "./servers";

// The second server runs on a new database without STACKS_DEMO: no accounts, no books.
test.use({ baseURL: EMPTY_LIBRARY_URL });

/** The setup code, read from the server's console as the operator reads it. */
function setupCodeFromConsole(): string {
  const code = /Setup code: (\S+)/.exec(readFileSync(EMPTY_CONSOLE_LOG, "utf8"))?.[1];
  if (!code) throw new Error(`no setup code in ${EMPTY_CONSOLE_LOG}`);
  return code;
}

async function fillAdmin(page: import("@playwright/test").Page, setupCode: string) {
  await page.getByLabel("Setup code").fill(setupCode);
  await page.getByLabel("Full name").fill("Ada Admin");
  await page.getByLabel("Email", { exact: true }).fill(newEmail("admin"));
  await page.getByLabel("Password", { exact: true }).fill("a strong admin password");
  await page.getByRole("button", { name: "Create administrator" }).click();
}

test("a new library asks its first visitor for the setup code to create the administrator", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Set up your library");

  // Arriving first is not enough: without the code printed on the console, no administrator.
  await fillAdmin(page, "AAAA-BBBB-CCCC-DDDD");
  await expect(errorMessage(page, "setup code is not right")).toBeVisible();
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByLabel("Full name")).toHaveValue("Ada Admin");

  await fillAdmin(page, setupCodeFromConsole());
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Staff dashboard");

  // Once there is an administrator, setup is closed.
  await page.goto("/setup");
  await expect(page).not.toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Set up your library" })).toHaveCount(0);
});
