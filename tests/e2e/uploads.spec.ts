import { mkdtempSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import sharp from "sharp";
import { DEMO, signIn } from "./people";

// Every file input refuses a file above its limit with the field's own message, however large
// the file: a 48 MB cover once failed the request at the server's body limit and the page
// with it ("This page couldn't load"). And a cover that fits is uploaded, shown and cached.

/** A 48 MB file of the given name, given to the input by path (a Buffer that size crawls over the browser protocol). */
function hugeFile(name: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "stacks-huge-")), name);
  writeFileSync(file, "");
  truncateSync(file, 48 * 1024 * 1024);
  return file;
}

async function newTitle(page: Page): Promise<string> {
  await page.goto("/admin/inventory/new");
  await page.getByLabel("Title", { exact: true }).fill(`Cover test ${Date.now()}`);
  await page.getByRole("button", { name: "Add title" }).click();
  await expect(page).toHaveURL(/\/admin\/inventory\/\d+/);
  return new URL(page.url()).pathname;
}

/** The page is still the form, with no crash page and no confirmation. */
async function expectStillOnForm(page: Page, field: string) {
  await expect(page.getByText(/couldn.t load|Application error|Internal Server Error/)).toHaveCount(0);
  await expect(page.getByLabel(field, { exact: true })).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  await signIn(page, DEMO.librarian);
});

test("a 48 MB cover is refused in the field, and submitting sends nothing", async ({ page }) => {
  await newTitle(page);
  const input = page.getByLabel("Cover image");
  await input.setInputFiles(hugeFile("huge.png"));
  await expect(input).toHaveAccessibleDescription(/The image is larger than 4 MB/);
  await expect(input).toHaveAttribute("aria-invalid", "true");

  const sent: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST") sent.push(r.url());
  });
  await page.getByRole("button", { name: "Upload cover" }).click();
  await expectStillOnForm(page, "Cover image");
  await expect(input).toHaveAccessibleDescription(/The image is larger than 4 MB/);
  await expect(page.getByText("Cover uploaded.")).toHaveCount(0);
  expect(sent).toEqual([]);
});

test("a cover that fits is uploaded, shown, and served with an ETag that answers 304", async ({ page, request }) => {
  await newTitle(page);
  const png = await sharp({ create: { width: 300, height: 450, channels: 3, background: "#17563f" } }).png().toBuffer();
  await page.getByLabel("Cover image").setInputFiles({ name: "cover.png", mimeType: "image/png", buffer: png });
  await page.getByRole("button", { name: "Upload cover" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Cover uploaded." })).toBeVisible();

  const cover = page.getByRole("img", { name: /^Cover of Cover test/ });
  await expect(cover).toHaveAttribute("src", /^\/api\/uploads\/covers\/\d+-[0-9a-f]{16}\.webp$/);
  await expect.poll(() => cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(300);

  const src = (await cover.getAttribute("src"))!;
  const first = await request.get(src);
  expect(first.status()).toBe(200);
  expect(first.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  const etag = first.headers()["etag"];
  expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
  const again = await request.get(src, { headers: { "if-none-match": etag } });
  expect(again.status()).toBe(304);
});

for (const { name, path, label } of [
  { name: "catalogue", path: "/admin/inventory/import", label: "Catalogue file (CSV or MARC)" },
  { name: "patron", path: "/admin/patrons/import", label: "CSV file" },
]) {
  test(`a huge CSV file is refused in the ${name} import's field`, async ({ page }) => {
    await page.goto(path);
    const input = page.getByLabel(label, { exact: true });
    await input.setInputFiles(hugeFile("huge.csv"));
    await expect(input).toHaveAccessibleDescription(/The file is larger than 4 MB/);
    await page.getByRole("button", { name: "Preview" }).click();
    await expectStillOnForm(page, label);
    await expect(input).toHaveAccessibleDescription(/The file is larger than 4 MB/);
    await expect(page.getByRole("heading", { name: /Preview/ })).toHaveCount(0);
  });
}
