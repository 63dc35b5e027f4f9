import { describe, expect, it } from "vitest";
import { checksum, field, formatMessage, parseMessage, sipDate } from "@/lib/sip2/codec";

describe("SIP2 checksum", () => {
  it("matches published examples (the 3M guide's SC status; the login as SIP2 client libraries compute it)", () => {
    expect(checksum("990 402.00AY1AZ")).toBe("FCB4");
    expect(checksum("9300CNLoginUserID|COLoginPassword|CPLocationCode|AY5AZ")).toBe("EC7B");
    expect(checksum("97AZ")).toBe("FEF5");
  });

  it("accepts the published login with its checksum", () => {
    const parsed = parseMessage("9300CNLoginUserID|COLoginPassword|CPLocationCode|AY5AZEC7B\r");
    expect(parsed.ok && field(parsed.message, "CN")).toBe("LoginUserID");
  });

  it("is computed over UTF-8 bytes, so an accented name checks", () => {
    const text = formatMessage("24", " ".repeat(14) + "000" + "20260302    100000", [["AE", "Zoë Brontë"]], "1");
    const parsed = parseMessage(text);
    expect(parsed.ok && field(parsed.message, "AE")).toBe("Zoë Brontë");
  });
});

describe("parseMessage", () => {
  const login = formatMessage("93", "00", [["CN", "selfcheck"], ["CO", "stacks-demo"], ["CP", "Main"]], "0");

  it("reads the command, fixed part, fields and sequence of a checked message", () => {
    const parsed = parseMessage(login);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.message.code).toBe("93");
    expect(parsed.message.fixed).toBe("00");
    expect(field(parsed.message, "CN")).toBe("selfcheck");
    expect(field(parsed.message, "CP")).toBe("Main");
    expect(parsed.message.sequence).toBe("0");
  });

  it("refuses a message whose checksum does not add up", () => {
    const damaged = login.replace("selfcheck", "selfcheco");
    expect(parseMessage(damaged)).toEqual({ ok: false, reason: "checksum" });
  });

  it("reads a message without error detection", () => {
    const parsed = parseMessage("990 402.00\r");
    expect(parsed.ok && parsed.message.fixed).toBe("0 402.00");
  });

  it("keeps every value of a repeated field in order", () => {
    const parsed = parseMessage(formatMessage("64", "x".repeat(59), [["AU", "B1"], ["AU", "B2"]]));
    expect(parsed.ok && parsed.message.fields.get("AU")).toEqual(["B1", "B2"]);
  });

  it("calls garbage garbage: no command, an unknown command, a short fixed part", () => {
    expect(parseMessage("hello")).toEqual({ ok: false, reason: "garbage" });
    expect(parseMessage("42foo")).toEqual({ ok: false, reason: "garbage" });
    expect(parseMessage("23eng")).toEqual({ ok: false, reason: "garbage" });
  });
});

describe("formatMessage", () => {
  it("ends with the sequence, checksum and a carriage return, and leaves out absent fields", () => {
    const text = formatMessage("94", "1", [["AF", undefined]], "3");
    expect(text).toMatch(/^941AY3AZ[0-9A-F]{4}\r$/);
  });

  it("keeps a separator or carriage return typed into a value from breaking the message", () => {
    const parsed = parseMessage(formatMessage("36", "Y20260302    100000", [["AF", "a|b\rc"]]));
    expect(parsed.ok && field(parsed.message, "AF")).toBe("a b c");
  });
});

describe("sipDate", () => {
  it("is YYYYMMDDZZZZHHMMSS in the library's time, four spaces for the zone", () => {
    expect(sipDate(new Date("2026-07-01T09:05:07Z"), "Europe/London")).toBe("20260701    100507");
    expect(sipDate(new Date("2026-01-01T09:05:07Z"), "Europe/London")).toBe("20260101    090507");
  });
});
