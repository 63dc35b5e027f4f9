import { toSVG } from "bwip-js/node";

/** A Code 128 barcode as SVG markup (bars only: the page prints the text beside it). */
export function code128Svg(text: string): string {
  return toSVG({ bcid: "code128", text, height: 12, scale: 2, includetext: false });
}
