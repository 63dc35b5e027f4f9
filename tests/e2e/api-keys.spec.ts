import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./people";

test("an administrator creates an API key, sees it once, and revokes it", async ({ page, request }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Staff dashboard" }).getByRole("link", { name: "API keys" }).first().click();
  await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();

  const name = `Timetable ${Date.now()}`;
  const form = page.getByRole("region", { name: "Create a key" });
  await form.getByLabel("Key name").fill(name);
  await form.getByLabel("Read the catalogue (catalogue:read)").uncheck();
  await form.getByRole("button", { name: "Create key" }).click();
  await expect(form.getByText("Tick at least one thing the key may do.")).toBeVisible();
  await expect(form.getByLabel("Key name")).toHaveValue(name);
  await form.getByLabel("Look up patrons (patrons:read)").check();
  await form.getByRole("button", { name: "Create key" }).click();
  await expect(form.getByText(`Key ${name} created. Copy it now: it is not shown again.`)).toBeVisible();
  const key = await form.getByLabel("New API key (shown once)").inputValue();
  expect(key).toMatch(/^stk_[\w-]{40,}$/);

  const patrons = await request.get("/api/v1/patrons", { headers: { authorization: `Bearer ${key}` } });
  expect(patrons.status()).toBe(200);
  const refused = await request.post("/api/v1/titles", { headers: { authorization: `Bearer ${key}` }, data: { title: "Not allowed" } });
  expect(refused.status()).toBe(403);
  expect(refused.headers()["content-type"]).toContain("application/problem+json");

  // Shown once: the page lists its first characters only.
  await page.reload();
  const row = page.getByRole("table", { name: "API keys" }).getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(key.slice(0, 10));
  await expect(row).toContainText("patrons:read");
  await expect(page.getByText(key)).toHaveCount(0);
  await expect(page.getByLabel("New API key (shown once)")).toHaveCount(0);

  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await row.getByRole("button", { name: `Yes, revoke it: ${name}` }).click();
  await expect(page.getByText(`${name} is revoked: its requests are refused from now on.`)).toBeVisible();
  expect((await request.get("/api/v1/patrons", { headers: { authorization: `Bearer ${key}` } })).status()).toBe(401);
});

test("a librarian is not shown the API keys page", async ({ page }) => {
  await signIn(page, DEMO.librarian);
  await page.goto("/admin");
  await expect(page.getByRole("navigation", { name: "Staff dashboard" }).getByRole("link", { name: "API keys" })).toHaveCount(0);
});
