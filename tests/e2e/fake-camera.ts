import { writeFileSync } from "node:fs";
// The default export: under ESM the named `raw` is BWIPP's "raw" symbology, not the encoder.
import bwipjs from "bwip-js/node";

// A camera for Chromium's fake capture device: a still picture of a Code 128 barcode written as
// a YUV4MPEG2 (.y4m) video, which `--use-file-for-fake-video-capture` plays in a loop.

const WIDTH = 640;
const HEIGHT = 480;
const FRAMES = 10;
const QUIET_MODULES = 12;

/** The barcode as greyscale pixels, black bars on white, centred: one byte per pixel. */
export function code128Pixels(text: string, width = WIDTH, height = HEIGHT): Uint8Array {
  const [symbol] = bwipjs.raw({ bcid: "code128", text });
  if (!("sbs" in symbol)) throw new Error("Code 128 should encode as bars");
  const modules = symbol.sbs.reduce((sum, w) => sum + w, 0) + 2 * QUIET_MODULES;
  const scale = Math.floor(width / modules);
  if (scale < 2) throw new Error(`"${text}" is too long to draw ${width} px wide`);
  const pixels = new Uint8Array(width * height).fill(235);
  const left = Math.floor((width - (modules - 2 * QUIET_MODULES) * scale) / 2);
  const top = Math.floor(height * 0.25);
  const bottom = Math.floor(height * 0.75);
  let x = left;
  symbol.sbs.forEach((modulesWide, i) => {
    const px = modulesWide * scale;
    // sbs alternates bar, space, bar…, starting with a bar.
    if (i % 2 === 0) for (let y = top; y < bottom; y++) pixels.fill(16, y * width + x, y * width + x + px);
    x += px;
  });
  return pixels;
}

/** Writes a few identical frames of the barcode as a 4:2:0 YUV4MPEG2 file (grey: chroma at 128). */
export function writeBarcodeVideo(path: string, text: string): void {
  const luma = code128Pixels(text);
  const chroma = new Uint8Array((WIDTH / 2) * (HEIGHT / 2)).fill(128);
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`, "ascii");
  const frame = Buffer.concat([Buffer.from("FRAME\n", "ascii"), luma, chroma, chroma]);
  writeFileSync(path, Buffer.concat([header, ...Array.from({ length: FRAMES }, () => frame)]));
}
