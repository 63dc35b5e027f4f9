import { describe, expect, it } from "vitest";
import { parseMoney } from "@/lib/fines/money-input";
import { moneyInput } from "@/lib/fines/schemas";

describe("parseMoney", () => {
  it.each([
    ["1", 100],
    ["1.00", 100],
    ["£1.00", 100],
    ["1.5", 150],
    [" £ 2.50 ", 250],
    ["$3", 300],
    ["€0.05", 5],
    ["123456.78", 12345678],
  ])("reads %j as %i cents", (text, cents) => {
    expect(parseMoney(text)).toEqual({ ok: true, cents });
  });

  it("refuses a comma, the library writing amounts with a point as it shows them", () => {
    expect(parseMoney("2,50")).toEqual({ ok: false, message: "Use a point for pence: 2.50, not 2,50." });
    expect(parseMoney("1,000")).toMatchObject({ ok: false });
  });

  it.each(["", "  ", "abc", "1.555", "-1", "1.2.3", "£", "1e3", "0", "0.00", "1234567"])("refuses %j", (text) => {
    expect(parseMoney(text)).toMatchObject({ ok: false });
  });

  it("asks for an amount above zero when zero is typed", () => {
    expect(parseMoney("£0.00")).toEqual({ ok: false, message: "Enter an amount above zero." });
  });
});

describe("moneyInput (the desk's payment and waiver amount)", () => {
  it("accepts £1.00 and refuses 2,50 with the parser's message", () => {
    expect(moneyInput.parse("£1.00")).toBe(100);
    const refused = moneyInput.safeParse("2,50");
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0].message).toBe("Use a point for pence: 2.50, not 2,50.");
  });
});
