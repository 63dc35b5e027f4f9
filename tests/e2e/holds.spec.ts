import { expect, test, type Page } from "@playwright/test";
import { newEmail, register, signIn, signOut } from "./people";

/** A librarian lends every copy on the shelf of a title to themselves, so the title is all out. */
async function lendAllCopies(page: Page, titleId: number): Promise<string[]> {
  await page.goto(`/books/${titleId}`);
  const rows = page.getByRole("table", { name: "Copies of this title" }).getByRole("row").filter({ hasText: "On the shelf" });
  const barcodes = (await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector("td")?.textContent?.trim() ?? ""))).filter(Boolean);
  await page.goto("/admin/circulation");
  await page.getByLabel("Patron card, email or name").fill("librarian@demo.stacks");
  await page.getByRole("button", { name: "Find patron" }).click();
  for (const barcode of barcodes) {
    await page.getByLabel("Copy barcode").fill(barcode);
    await page.getByRole("button", { name: "Check out" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Checked out:" }).filter({ hasText: barcode })).toBeVisible();
  }
  return barcodes;
}

test("a reserved book waits for the patron who reserved it", async ({ browser }) => {
  const staff = await (await browser.newContext()).newPage();
  const reader = await (await browser.newContext()).newPage();

  await signIn(staff, "librarian@demo.stacks");
  const barcodes = await lendAllCopies(staff, 360);

  const name = "Hana Holds";
  await register(reader, name, newEmail("holds"), "a long password");
  await reader.goto("/books/360");
  await expect(reader.getByRole("region", { name: "Availability" }).getByText(/^(On loan|All \d+ copies on loan)/)).toBeVisible();
  await reader.getByRole("button", { name: "Reserve" }).click();
  await expect(reader.getByText("You reserved this book. Waiting — number 1 in the queue.")).toBeVisible();

  await staff.goto("/admin/circulation");
  await staff.getByLabel("Check-in barcode").fill(barcodes[0]);
  await staff.getByRole("button", { name: "Check in" }).click();
  await expect(staff.getByRole("status").filter({ hasText: `Put on hold shelf for ${name}, card` })).toBeVisible();

  await reader.goto("/account/holds");
  await expect(reader.getByRole("banner").getByRole("link", { name: "Notifications (1 unread)" })).toBeVisible();
  await expect(reader.getByText(/Ready for pickup — collect by/)).toBeVisible();
  await reader.getByRole("banner").getByRole("link", { name: "Notifications (1 unread)" }).click();
  await expect(reader.getByRole("heading", { name: /is ready for pickup/ })).toBeVisible();

  await reader.goto("/books/360");
  await reader.getByRole("button", { name: "Borrow" }).click();
  await expect(reader.getByText(/^On loan to you, due back/)).toBeVisible();
  await reader.goto("/account/holds");
  await expect(reader.getByText("You have no reservations.", { exact: false })).toBeVisible();
  await signOut(reader);
});
