import { describe, expect, it } from "vitest";
import { Marc8Error, marc8ToUnicode } from "@/lib/catalogue/marc8";

const bytes = (...parts: (string | number[])[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)));
const ESC = 0x1b;

describe("MARC-8 to Unicode", () => {
  it("moves ANSEL's combining marks after their letter and composes them", () => {
    expect(marc8ToUnicode(bytes("Garc\xe2ia M\xe2arquez"))).toBe("Garc\u00eda M\u00e1rquez");
    // Two marks on one letter keep their order.
    expect(marc8ToUnicode(bytes("Vi\xe3\xe2et"))).toBe("Vi\u1ebft");
    // ANSEL's own letters: Ł, ø, æ.
    expect(marc8ToUnicode(bytes("\xa1\xe2od\xb2 \xb5"))).toBe("Łódø æ");
  });

  it("switches to Cyrillic or Greek after an escape, spaces included, and back to Latin", () => {
    expect(marc8ToUnicode(bytes([ESC, 0x28, 0x4e, 119, 79, 74, 78, 65, 0x20, 73, 0x20, 77, 73, 82, ESC, 0x28, 0x42], " (1869)"))).toBe("Война и мир (1869)");
    expect(marc8ToUnicode(bytes([ESC, 0x28, 0x53, 0x41, 0x42, ESC, 0x73], "c"))).toBe("ΑΒc");
  });

  it("reads the three-byte East Asian set", () => {
    expect(marc8ToUnicode(bytes([ESC, 0x24, 0x31, 0x21, 0x30, 0x21, 0x21, 0x4c, 0x6b, ESC, 0x28, 0x42]))).toBe(String.fromCodePoint(0x4e00, 0x7634));
  });

  it("refuses bytes and escapes MARC-8 does not define, saying where", () => {
    expect(() => marc8ToUnicode(bytes("Garc\xffia"))).toThrow(Marc8Error);
    expect(() => marc8ToUnicode(bytes("Garc\xffia"))).toThrow("byte 5 (0xff)");
    expect(() => marc8ToUnicode(bytes([0x41, ESC, 0x21, 0x42]))).toThrow("escape sequence");
    expect(() => marc8ToUnicode(bytes([ESC, 0x24, 0x31, 0x21, 0x30]))).toThrow("ends inside a character");
  });
});
