import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PORT } from "./servers";
import { writeBarcodeVideo } from "./fake-camera";
import { signIn } from "./people";

// The desk on a phone: "Scan with camera" reads a copy's barcode from the camera and checks it
// out, as a typed barcode would. Chromium's fake camera plays a video of the barcode, written
// by the test once it knows which copy is on the shelf (Chromium opens the file only when the
// page asks for the camera). Debian's Chromium has no BarcodeDetector, so ZXing reads it.

const VIDEO = `/tmp/desk-camera-${DEMO_PORT}.y4m`;
const SHOTS = "/tmp/desk-shots";

test.use({
  viewport: { width: 412, height: 900 },
  hasTouch: true,
  isMobile: true,
  permissions: ["camera"],
  launchOptions: {
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-features=AutofillServerCommunication",
      "--use-fake-device-for-media-stream",
      "--use-fake-ui-for-media-stream",
      `--use-file-for-fake-video-capture=${VIDEO}`,
    ],
  },
});

async function shelfBarcode(page: Page, titleId: number): Promise<string> {
  await page.goto(`/books/${titleId}`);
  const row = page.getByRole("table", { name: "Copies of this title" }).getByRole("row").filter({ hasText: "On the shelf" }).first();
  return (await row.getByRole("cell").first().innerText()).trim();
}

test("on a phone the desk scans a copy's barcode with the camera and checks it out", async ({ page }) => {
  await signIn(page, "librarian@demo.stacks");
  const barcode = await shelfBarcode(page, 700);
  writeBarcodeVideo(VIDEO, barcode);

  // The decoder is not part of the desk's page: it is fetched when the button is pressed.
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(request.url());
  });
  await page.goto("/admin/circulation");
  await page.getByLabel("Patron card, email or name").fill("reader@demo.stacks");
  await page.getByRole("button", { name: "Find patron" }).click();
  await expect(page).toHaveURL(/patron=\d+/);
  const loaded = scripts.length;

  await page.getByRole("button", { name: "Scan with camera (copy)" }).click();
  mkdirSync(SHOTS, { recursive: true });
  await expect(page.getByLabel("Camera (copy)", { exact: true })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/camera-scanning.png` });

  await expect(page.locator("#desk-outcome")).toContainText(`Checked out:`, { timeout: 20_000 });
  await expect(page.locator("#desk-outcome")).toContainText(barcode);
  await expect(page.getByLabel("Camera (copy)", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Patron's loans, holds and fines" }).getByText(barcode)).toBeVisible();
  expect(scripts.length).toBeGreaterThan(loaded);
  await page.screenshot({ path: `${SHOTS}/camera-scanned.png`, fullPage: true });

  // Put back for the other specs (they share the demo library).
  await page.getByLabel("Check-in barcode").fill(barcode);
  await page.getByLabel("Check-in barcode").press("Enter");
  await expect(page.locator("#desk-outcome")).toContainText("Checked in:");
});

test("on a desktop without a touch screen the desk offers no camera", async ({ browser }) => {
  // The spec's phone options would carry over to a new context: a desktop says otherwise.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: false, isMobile: false });
  const page = await context.newPage();
  await signIn(page, "librarian@demo.stacks");
  await page.goto("/admin/circulation");
  await expect(page.getByRole("button", { name: "Find patron" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Scan with camera/ })).toHaveCount(0);
  await context.close();
});
