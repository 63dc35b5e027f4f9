import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, newEmail, register, signIn } from "./people";

// What a patron is told about their account, on a phone, and what a refused page answers.

async function expectNoAxeViolations(page: Page, what: string) {
  // The page's own content, not the site header shared by every page.
  const { violations } = await new AxeBuilder({ page }).include("main").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`), what).toEqual([]);
}

test.describe("on a 375 px phone", () => {
  test.use({ viewport: { width: 375, height: 812 } });

  test("an expired card leads the overview, with what to do, and the card shows as a barcode", async ({ page }) => {
    await signIn(page, "expired@demo.stacks");
    await page.goto("/account");
    const standing = page.getByRole("region", { name: /^Card expired on \d+ \w+ \d{4}$/ });
    await expect(standing).toBeVisible();
    await expect(standing).toContainText("Renew your card at the desk");
    const card = (await page.getByRole("region", { name: "Your library card" }).getByText(/^S\d{10}$/).innerText()).trim();
    await expect(page.getByRole("img", { name: `Library card barcode ${card}` })).toBeVisible();
    await expectNoAxeViolations(page, "the account overview");
  });

  test("a patron over the fine limit is told borrowing is blocked and how to pay", async ({ page }) => {
    await signIn(page, "fines@demo.stacks");
    await page.goto("/account");
    const standing = page.getByRole("region", { name: "Borrowing blocked: fines £7.25 reach the £5.00 limit" });
    await expect(standing).toContainText("Pay at the desk: borrowing starts again once you owe less than £5.00.");
    await expect(page.getByRole("region", { name: "Fines", exact: true })).toContainText("£7.25");
    await page.getByRole("link", { name: "See your fines" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Borrowing blocked: fines £7.25 reach the £5.00 limit." })).toBeVisible();
  });

  test("a blocked patron's overview says so with the librarian's reason and what to do", async ({ browser, page }) => {
    const email = newEmail("blocked");
    await register(page, "Bea Blocked", email, "bea's long password");

    const desk = await (await browser.newContext()).newPage();
    await signIn(desk, DEMO.librarian);
    await desk.goto(`/admin/patrons?q=${encodeURIComponent(email)}`);
    await desk.getByRole("link", { name: "Bea Blocked" }).first().click();
    await desk.getByLabel("Reason for blocking").fill("Card reported stolen");
    await desk.getByRole("button", { name: "Block account" }).click();
    await desk.getByRole("button", { name: "Confirm block of Bea Blocked" }).click();
    await expect(desk.getByRole("status").filter({ hasText: /blocked/i })).toBeVisible();

    // The block ended the patron's session; a blocked patron may still sign in and see why.
    await signIn(page, email, "bea's long password");
    await page.goto("/account");
    const standing = page.getByRole("region", { name: "Blocked: Card reported stolen" });
    await expect(standing).toContainText("Speak to a librarian at the desk");
    await expectNoAxeViolations(page, "a blocked patron's overview");
    await page.screenshot({ path: test.info().outputPath("blocked-overview.png"), fullPage: true });
  });

  test("an overdue loan leads the overview, and returning it says a fine will be charged", async ({ page }) => {
    await signIn(page, "overdue@demo.stacks");
    await page.goto("/account");
    await expect(page.getByRole("region", { name: "Overdue loan" })).toContainText("Return the overdue book to the desk or the book drop");
    await expect(page.getByRole("region", { name: "Loans", exact: true })).toContainText("1 overdue loan");

    await page.getByRole("region", { name: "Overdue loan" }).getByRole("link", { name: "See your loans" }).click();
    await page.getByRole("button", { name: /^Return / }).click();
    await expect(page.getByText(/It is \d+ days overdue, so a fine of £\d+\.\d\d will be charged\./)).toBeVisible();
    await expectNoAxeViolations(page, "My loans, asking to confirm a return");
    // The demo's overdue loan stays out for the other specs.
    await page.keyboard.press("Escape");
    await expect(page.getByRole("button", { name: /^Confirm return/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Return / })).toBeFocused();
  });

  test("a patron edits their name, phone and address, keeping what they typed when refused", async ({ page }) => {
    await register(page, "Pia Profile", newEmail("profile"), "a long password");
    await page.goto("/account");
    await page.getByRole("link", { name: "Edit your details" }).click();
    await page.getByLabel("Name").fill("Pia Profile-Smith");
    await page.getByLabel("Phone").fill("call me maybe");
    await page.getByLabel("Address", { exact: true }).fill("1 Book Lane\nReading");
    await page.getByRole("button", { name: "Save my details" }).click();
    await expect(page.getByLabel("Phone")).toBeFocused();
    await expect(page.getByText("Use digits, spaces and + ( ) - only.")).toBeVisible();
    await expectNoAxeViolations(page, "the profile page with a refusal");
    await expect(page.getByLabel("Name")).toHaveValue("Pia Profile-Smith");
    await expect(page.getByLabel("Address", { exact: true })).toHaveValue("1 Book Lane\nReading");

    await page.getByLabel("Phone").fill("+44 118 496 0000");
    await page.getByRole("button", { name: "Save my details" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your details are saved." })).toBeVisible();
    await page.goto("/account");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello, Pia Profile-Smith");
    const details = page.getByRole("region", { name: "Your details" });
    await expect(details).toContainText("+44 118 496 0000");
    await expect(details).toContainText("1 Book Lane");
  });
});

test("a librarian at the settings page is refused with 403, as a page for administrators", async ({ page }) => {
  await signIn(page, "librarian@demo.stacks");
  const response = await page.goto("/admin/settings");
  expect(response!.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Administrators only");
  await expect(page.getByText("This page is for administrators")).toBeVisible();
});

test("a patron at a staff page is refused with 403, as a page for staff", async ({ page }) => {
  await signIn(page, DEMO.patron);
  const response = await page.goto("/admin/circulation");
  expect(response!.status()).toBe(403);
  await expect(page.getByText("This page is for staff.")).toBeVisible();
});

test("with self-service returns off, My loans has no Return button and says where to return", async ({ browser, page: admin }) => {
  await signIn(admin, DEMO.admin);
  const setReturns = async (on: boolean) => {
    await admin.goto("/admin/settings");
    await admin.getByLabel("Patrons may return books from their account").setChecked(on);
    await admin.getByRole("button", { name: "Save settings" }).click();
    await expect(admin.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();
  };
  await setReturns(false);
  await expect(admin.getByLabel("Keep the replacement charge when a lost book comes back")).not.toBeChecked();
  try {
    const readerContext = await browser.newContext();
    const reader = await readerContext.newPage();
    await signIn(reader, "reader@demo.stacks");
    await reader.goto("/account/loans");
    await expect(reader.getByText("Returns are made at the library: bring the book to the desk or put it in the book drop.")).toBeVisible();
    await expect(reader.getByRole("button", { name: /^Return / })).toHaveCount(0);
    await expect(reader.getByRole("button", { name: /^Renew / }).first()).toBeVisible();
    await readerContext.close();
  } finally {
    await setReturns(true);
  }
  await expect(admin.getByLabel("Patrons may return books from their account")).toBeChecked();
});

test("turning borrowing history off asks first; Cancel keeps it, and it can be turned on again", async ({ page }) => {
  await signIn(page, DEMO.patron);
  await page.goto("/account/history");
  await expect(page.getByRole("heading", { name: "Borrowing history is on" })).toBeVisible();
  const off = page.getByRole("button", { name: "Turn history off" });
  await off.click();
  await expect(page.getByText(/^Turn history off\?.*This cannot be undone\.$/)).toBeVisible();
  await page.getByRole("button", { name: "Keep my history" }).click();
  await expect(off).toBeFocused();

  await off.click();
  await page.getByRole("button", { name: "Confirm turning history off" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^History turned off/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Borrowing history is off" })).toBeVisible();
  await page.getByRole("button", { name: "Turn history on" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your borrowing history will be kept." })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Borrowing history is on" })).toBeVisible();
});
