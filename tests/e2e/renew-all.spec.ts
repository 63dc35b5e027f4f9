import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, signIn } from "./people";

// My loans: how many days each loan has left, and "Renew all", which says for each loan whether
// it was renewed and until when, or why not. The demo reader borrowed five days ago (due in 16).

test("a patron sees the days left on each loan and renews them all at once", async ({ page }) => {
  await signIn(page, "reader@demo.stacks", DEMO_PASSWORD);
  await page.goto("/account/loans");
  const loans = page.getByRole("main").getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2 }) });
  await expect(loans.first()).toBeVisible();
  const count = await loans.count();
  expect(count).toBeGreaterThanOrEqual(2);
  for (let i = 0; i < count; i++) await expect(loans.nth(i)).toContainText(/Due in \d+ days · due back \d+ \w+ \d{4}|Due today|Due tomorrow|\d+ days? overdue/);
  const before = await loans.first().innerText();
  const daysBefore = Number(/Due in (\d+) days/.exec(before)?.[1]);

  await page.getByRole("button", { name: "Renew all" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Renewed ${count} of ${count} loans.` })).toBeVisible();
  const outcomes = page.getByRole("list", { name: "Renewal outcomes" }).getByRole("listitem");
  await expect(outcomes).toHaveCount(count);
  for (let i = 0; i < count; i++) await expect(outcomes.nth(i)).toHaveText(/: renewed until \d+ \w+ \d{4}$/);
  // Renewed today for a full loan period: more days left than before.
  await expect(loans.first()).not.toContainText(`Due in ${daysBefore} days`);

  // At once again: nothing moves, and each loan says why.
  await page.getByRole("button", { name: "Renew all" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Renewed 0 of ${count} loans.` })).toBeVisible();
  for (let i = 0; i < count; i++) await expect(outcomes.nth(i)).toHaveText(/: not renewed\. Too soon to renew/);
});
