import { describe, expect, it } from "vitest";
import { formatIsbn13, looksLikeIsbn, normalizeIsbn } from "@/lib/catalogue/isbn";

describe("normalizeIsbn", () => {
  it("turns an ISBN-10 into its ISBN-13, with or without hyphens and spaces", () => {
    expect(normalizeIsbn("0-439-02348-3")).toBe("9780439023481");
    expect(normalizeIsbn("0439023483")).toBe("9780439023481");
    expect(normalizeIsbn(" 0 439 02348 3 ")).toBe("9780439023481");
  });

  it("keeps a valid ISBN-13 in any form", () => {
    expect(normalizeIsbn("978-0-439-02348-1")).toBe("9780439023481");
    expect(normalizeIsbn("9780439023481")).toBe("9780439023481");
  });

  it("accepts an ISBN-10 whose check digit is X, in either case", () => {
    expect(normalizeIsbn("0-8044-2957-X")).toBe("9780804429573");
    expect(normalizeIsbn("080442957x")).toBe("9780804429573");
  });

  it("refuses a wrong check digit", () => {
    expect(normalizeIsbn("0-439-02348-4")).toBeNull();
    expect(normalizeIsbn("9780439023482")).toBeNull();
    expect(normalizeIsbn("0-8044-2957-0")).toBeNull();
  });

  it("refuses text that is not an ISBN at all", () => {
    for (const input of ["", "hunger games", "043902348", "97804390234810", "X439023483", "0439O23483"]) {
      expect(normalizeIsbn(input)).toBeNull();
    }
  });
});

describe("looksLikeIsbn", () => {
  it("recognises the shape of ISBNs, valid or not", () => {
    expect(looksLikeIsbn("0-439-02348-3")).toBe(true);
    expect(looksLikeIsbn("978 0 439 02348 1")).toBe(true);
    expect(looksLikeIsbn("0-439-02348-4")).toBe(true);
    expect(looksLikeIsbn("080442957X")).toBe(true);
  });

  it("does not take words or other numbers for ISBNs", () => {
    expect(looksLikeIsbn("1984")).toBe(false);
    expect(looksLikeIsbn("hunger games")).toBe(false);
    expect(looksLikeIsbn("043902348")).toBe(false);
  });
});

describe("formatIsbn13", () => {
  it("hyphenates an ISBN-13 by its registration ranges", () => {
    expect(formatIsbn13("9780439023481")).toBe("978-0-439-02348-1");
    expect(formatIsbn13("9780804429573")).toBe("978-0-8044-2957-3");
  });
});
