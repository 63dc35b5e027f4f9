import { expect, test } from "@playwright/test";

// What a browser, a crawler or a home screen asks a library website for by name.

test("every page links the web app manifest, which names the library and its icons", async ({ page, request }) => {
  await page.goto("/");
  const href = await page.locator('head link[rel="manifest"]').getAttribute("href");
  expect(href).toBeTruthy();
  const response = await request.get(href!);
  expect(response.ok()).toBe(true);
  const manifest = await response.json();
  const libraryName = await page.getByRole("banner").getByRole("link").first().textContent();
  expect(manifest).toMatchObject({ name: libraryName, start_url: "/", display: "standalone", theme_color: "#17563f" });
  expect(manifest.short_name.length).toBeLessThanOrEqual(12);
  const sizes = manifest.icons.map((icon: { sizes: string }) => icon.sizes);
  expect(sizes).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of manifest.icons as { src: string; type: string }[]) {
    const file = await request.get(icon.src);
    expect(file.ok(), icon.src).toBe(true);
    expect(file.headers()["content-type"], icon.src).toContain(icon.type);
  }
});

test("the favicon is served at /favicon.ico", async ({ request }) => {
  const response = await request.get("/favicon.ico");
  expect(response.ok()).toBe(true);
  expect(response.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
});

test("robots.txt keeps crawlers out of accounts, the staff dashboard and the API", async ({ request }) => {
  const response = await request.get("/robots.txt");
  expect(response.ok()).toBe(true);
  const lines = (await response.text()).split("\n").map((line) => line.trim());
  expect(lines).toEqual(expect.arrayContaining(["User-agent: *", "Disallow: /admin", "Disallow: /account", "Disallow: /api"]));
});
