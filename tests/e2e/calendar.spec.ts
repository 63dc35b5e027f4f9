import { expect, test } from "@playwright/test";
import { newEmail, register } from "./people";

test("a patron subscribes to their due dates and can replace the calendar link", async ({ page, request }) => {
  await register(page, "Cal Endar", newEmail("calendar"), "a long password");
  await page.goto("/books/301");
  const title = (await page.getByRole("heading", { level: 1 }).innerText()).trim();
  await page.getByRole("button", { name: "Borrow" }).click();
  await expect(page.getByRole("region", { name: "Availability" }).getByText(/^On loan to you/)).toBeVisible();

  await page.goto("/account/loans");
  const calendar = page.getByRole("region", { name: "Due dates in your calendar" });
  const address = await calendar.getByLabel("Calendar address, for apps that ask for a link").inputValue();
  await expect(calendar.getByRole("link", { name: "Add to my calendar" })).toHaveAttribute("href", address.replace(/^http:/, "webcal:"));

  // A calendar app fetches the address without signing in.
  const feed = await request.get(address, { headers: { cookie: "" } });
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  const text = await feed.text();
  expect(text).toContain("BEGIN:VCALENDAR");
  expect(text.replace(/\r\n /g, "")).toContain(`SUMMARY:Due back: ${title.replace(/([,;])/g, "\\$1")}`);

  await calendar.getByRole("button", { name: "Make a new calendar link" }).click();
  await expect(calendar.getByText("Your new calendar link is below.")).toBeVisible();
  const replaced = await calendar.getByLabel("Calendar address, for apps that ask for a link").inputValue();
  expect(replaced).not.toBe(address);
  expect((await request.get(address)).status()).toBe(404);
  expect((await request.get(replaced)).status()).toBe(200);
});
