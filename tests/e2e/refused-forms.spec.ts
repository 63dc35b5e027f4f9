import { expect, test } from "@playwright/test";
import { DEMO, newEmail, signIn } from "./people";

// A form the server refuses keeps what was typed, on every field, and puts the cursor on the
// first field in error.

test("registering with a too-short password keeps the name and email and focuses the password", async ({ page }) => {
  const email = newEmail("short-password");
  await page.goto("/register");
  await page.getByLabel("Full name").fill("Ada Shortpass");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await expect(page.getByLabel("Full name")).toHaveValue("Ada Shortpass");
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(email);
  await expect(page.getByLabel("Password", { exact: true })).toBeFocused();
});

test("adding a title with a bad ISBN keeps all ten fields and focuses the ISBN", async ({ page }) => {
  await signIn(page, DEMO.librarian);
  await page.goto("/admin/inventory/new");
  const values: [string | RegExp, string][] = [
    [/^Title$/, "The Kept Fields"],
    ["Subtitle", "A refusal story"],
    [/^Authors/, "Ada Keeper\nBo Values"],
    [/^Genres/, "Testing, Forms"],
    ["ISBN", "978-0-00-000000-1"],
    ["Publisher", "Form Press"],
    ["Year", "2020"],
    [/^Language/, "en"],
    ["Pages", "321"],
    ["Description", "Every field\nstays as typed."],
  ];
  for (const [label, value] of values) await page.getByLabel(label).fill(value);
  await page.getByRole("button", { name: "Add title" }).click();
  await expect(page.getByLabel("ISBN")).toHaveAttribute("aria-invalid", "true");
  for (const [label, value] of values) await expect(page.getByLabel(label), String(label)).toHaveValue(value);
  await expect(page.getByLabel("ISBN")).toBeFocused();
});
