import { expect, type Page } from "@playwright/test";

// What a person does in the browser, by the names they see on screen.

export const DEMO_PASSWORD = "stacks-demo";
export const DEMO = {
  admin: "admin@demo.stacks",
  librarian: "librarian@demo.stacks",
  patron: "patron@demo.stacks",
} as const;

/** A new address per call: tests never depend on each other's accounts. */
export function newEmail(label: string): string {
  return `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;
}

/** Fills the sign-in form on the current page and submits it. */
export async function submitSignIn(page: Page, identifier: string, password: string): Promise<void> {
  await page.getByLabel("Email or card number").fill(identifier);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in from the sign-in page and waits to leave it (the session cookie is set by then). */
export async function signIn(page: Page, identifier: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await submitSignIn(page, identifier, password);
  await expect(page).not.toHaveURL(/\/sign-in/);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
}

/** An address in TEST-NET-3 (RFC 5737), different on each call. */
function newNetworkAddress(): string {
  return `203.0.113.${1 + Math.floor(Math.random() * 254)}`;
}

/**
 * Registers a new patron and returns the card number the account page shows. The patron comes
 * from their own network (the demo server trusts one proxy hop), so the suite's many new
 * accounts do not add up to one address's limit on registrations.
 */
export async function register(page: Page, name: string, email: string, password: string): Promise<string> {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": newNetworkAddress() });
  await page.goto("/register");
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/account/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Hello, ${name}`);
  const card = page.getByRole("region", { name: "Your library card" }).getByText(/^S\d{10}$/);
  await expect(card).toBeVisible();
  return (await card.textContent())!.trim();
}

/** An error message shown to the person (Next's route announcer is an alert too). */
export function errorMessage(page: Page, text: string | RegExp) {
  return page.getByRole("alert").filter({ hasText: text });
}
