import { CODESETS } from "marc8/lib/marc8_mapping";

// MARC-8 (https://www.loc.gov/marc/specifications/speccharmarc8.html) to Unicode, with the
// Library of Congress code tables as the marc8 package carries them. Its own decoder is not used:
// it throws on a space inside Cyrillic or Greek and drops control characters.

const ESCAPE = 0x1b;
const BASIC_LATIN = 0x42;
const ANSEL = 0x45;
const EACC = 0x31;
/** ESC ( , $ designate G0 (ESC $ , also multibyte); ESC ) - designate G1. */
const G0_DESIGNATORS = new Set([0x28, 0x2c]);
const G1_DESIGNATORS = new Set([0x29, 0x2d]);
/** Technique 1 (ESC g, ESC b, ESC p) switches G0 to Greek symbols, subscripts, superscripts; ESC s back to Latin. */
const TECHNIQUE_1 = new Set([0x67, 0x62, 0x70]);

export class Marc8Error extends Error {}

/** The text of MARC-8 bytes; combining marks, written before their letter in MARC-8, come after it, composed (NFC). */
export function marc8ToUnicode(bytes: Uint8Array): string {
  let g0 = BASIC_LATIN;
  let g1 = ANSEL;
  let out = "";
  let combining = "";
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b === ESCAPE) {
      const next = bytes[i + 1];
      if (next === 0x24) {
        // ESC $ 1, ESC $ , 1 (G0) or ESC $ ) 1, ESC $ - 1 (G1): the multibyte EACC set.
        const third = bytes[i + 2];
        if (G1_DESIGNATORS.has(third)) [g1, i] = [bytes[i + 3], i + 4];
        else if (third === 0x2c) [g0, i] = [bytes[i + 3], i + 4];
        else [g0, i] = [third, i + 3];
      } else if (G0_DESIGNATORS.has(next)) [g0, i] = [bytes[i + 2], i + 3];
      else if (G1_DESIGNATORS.has(next)) [g1, i] = [bytes[i + 2], i + 3];
      else if (TECHNIQUE_1.has(next)) [g0, i] = [next, i + 2];
      else if (next === 0x73) [g0, i] = [BASIC_LATIN, i + 2];
      else throw new Marc8Error(`an escape sequence MARC-8 does not define at byte ${i + 1}`);
      if (!(g0 in CODESETS) || !(g1 in CODESETS)) throw new Marc8Error(`a character set MARC-8 does not define at byte ${i}`);
      continue;
    }
    if (b < 0x21 || b === 0x7f || (b >= 0x80 && b < 0xa1 && !(b >= 0x88 && b <= 0x8e))) {
      // Space and control characters are the same in every set.
      out += String.fromCharCode(b) + combining;
      combining = "";
      i += 1;
      continue;
    }
    const set = b >= 0x80 ? g1 : g0;
    const width = set === EACC ? 3 : 1;
    if (i + width > bytes.length) throw new Marc8Error(`the text ends inside a character at byte ${i + 1}`);
    const code = width === 3 ? (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2] : b;
    const table = CODESETS[set];
    const found = table[code] ?? table[code ^ 0x80];
    if (!found) throw new Marc8Error(`byte ${i + 1} (0x${b.toString(16)}) is not a character of its MARC-8 set`);
    const [codePoint, isCombining] = found;
    if (isCombining) combining += String.fromCodePoint(codePoint);
    else {
      out += String.fromCodePoint(codePoint) + combining;
      combining = "";
    }
    i += width;
  }
  return (out + combining).normalize("NFC");
}
