import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

const VIEWPORTS = [
  { label: "desktop", size: { width: 1280, height: 800 } },
  { label: "375 px", size: { width: 375, height: 812 } },
];

async function titlePagePath(page: Page): Promise<string> {
  await page.goto("/search?q=hunger+games");
  const href = await page.getByRole("region", { name: /result/ }).getByRole("listitem").first().getByRole("link").first().getAttribute("href");
  expect(href).toMatch(/^\/books\/\d+$/);
  return href!;
}

const PAGES: { name: string; path: (page: Page) => Promise<string>; heading: RegExp }[] = [
  { name: "home", path: async () => "/", heading: /Find your next book/ },
  { name: "search results", path: async () => "/search?q=hunger+games", heading: /Results for/ },
  { name: "a title", path: titlePagePath, heading: /^The Hunger Games/ },
  { name: "sign in", path: async () => "/sign-in", heading: /^Sign in$/ },
  { name: "register", path: async () => "/register", heading: /Register for a library card/ },
];

for (const { label, size } of VIEWPORTS) {
  test.describe(`accessibility at ${label}`, () => {
    test.use({ viewport: size });

    for (const target of PAGES) {
      test(`${target.name} has no WCAG 2.1 A/AA violations`, async ({ page }) => {
        await page.goto(await target.path(page));
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(target.heading);
        const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
        expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
      });
    }
  });
}
