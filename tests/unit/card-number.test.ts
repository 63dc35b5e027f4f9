import { describe, expect, it } from "vitest";
import { isValidCardNumber, luhnDigit, newCardNumber } from "@/lib/patrons/card-number";

describe("luhnDigit", () => {
  it("gives the check digit of known Luhn numbers", () => {
    // 7992739871 → 3 is the textbook example; 4111 1111 1111 111 → 1 is the test Visa card.
    expect(luhnDigit("7992739871")).toBe(3);
    expect(luhnDigit("411111111111111")).toBe(1);
    expect(luhnDigit("000000000")).toBe(0);
  });
});

describe("newCardNumber", () => {
  it("issues S and ten digits with a valid check digit and no leading zero", () => {
    for (let i = 0; i < 200; i++) {
      const card = newCardNumber();
      expect(card).toMatch(/^S[1-9]\d{9}$/);
      expect(isValidCardNumber(card)).toBe(true);
    }
  });
});

describe("isValidCardNumber", () => {
  it("accepts a card typed in lower case or with spaces around it", () => {
    const card = `S123456789${luhnDigit("123456789")}`;
    expect(isValidCardNumber(card)).toBe(true);
    expect(isValidCardNumber(` ${card.toLowerCase()} `)).toBe(true);
  });

  it("catches a mistyped digit and two swapped digits", () => {
    const card = `S123456789${luhnDigit("123456789")}`;
    expect(isValidCardNumber(card.replace("5", "6"))).toBe(false);
    expect(isValidCardNumber(card.replace("45", "54"))).toBe(false);
  });

  it("refuses the wrong shape", () => {
    for (const value of ["", "S", "1234567890", "S12345678", "S12345678901", "X1234567897", "S12345a7897"]) {
      expect(isValidCardNumber(value), value).toBe(false);
    }
  });
});
