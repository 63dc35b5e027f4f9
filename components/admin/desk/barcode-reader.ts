// Reads a barcode from a playing camera video. Loaded only when "Scan with camera" is pressed;
// the ZXing decoder (a larger download) only where the browser has no BarcodeDetector for
// Code 128, the symbology of the library's copy labels and cards.

import type { DecodeHintType as Hint } from "@zxing/library";

type Detector = { detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]> };
type DetectorClass = { new (options: { formats: string[] }): Detector; getSupportedFormats(): Promise<string[]> };

const FORMATS = ["code_128", "code_39", "ean_13", "codabar", "itf"];
const EVERY_MS = 150;

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });
}

async function nativeDetector(): Promise<Detector | null> {
  const BarcodeDetector = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  if (!BarcodeDetector) return null;
  const supported = await BarcodeDetector.getSupportedFormats().catch((): string[] => []);
  const formats = FORMATS.filter((f) => supported.includes(f));
  return formats.includes("code_128") ? new BarcodeDetector({ formats }) : null;
}

/** A detector reading one frame at a time: the browser's own, or ZXing drawing frames on a canvas. */
async function frameReader(): Promise<(video: HTMLVideoElement) => Promise<string | null>> {
  const native = await nativeDetector();
  if (native) return async (video) => (await native.detect(video))[0]?.rawValue ?? null;
  const [{ BrowserMultiFormatReader }, { BarcodeFormat, DecodeHintType }] = await Promise.all([import("@zxing/browser"), import("@zxing/library")]);
  const hints = new Map<Hint, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.CODE_128, BarcodeFormat.CODE_39, BarcodeFormat.EAN_13, BarcodeFormat.CODABAR, BarcodeFormat.ITF]],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  const reader = new BrowserMultiFormatReader(hints);
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true });
  return async (video) => {
    if (!context || video.videoWidth === 0) return null;
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    context.drawImage(video, 0, 0);
    try {
      return reader.decodeFromCanvas(canvas).getText();
    } catch {
      // No barcode in this frame (ZXing says so by throwing): try the next one.
      return null;
    }
  };
}

/** The first barcode seen in the video, or null when scanning was stopped. */
export async function readBarcode(video: HTMLVideoElement, signal: AbortSignal): Promise<string | null> {
  const read = await frameReader();
  while (!signal.aborted) {
    const value = video.readyState >= 2 ? await read(video) : null;
    if (value && !signal.aborted) return value.trim();
    await pause(EVERY_MS, signal);
  }
  return null;
}
