import { describe, expect, it } from "vitest";
import { cardExpiry } from "@/lib/patrons/card-expiry";

describe("cardExpiry", () => {
  it("runs the validity to the end of that library day, however late the card was issued", () => {
    const lateEvening = new Date("2026-12-01T23:30:00Z");
    expect(cardExpiry(lateEvening, 1095, "Europe/London").toISOString()).toBe("2029-11-30T23:59:59.999Z");
    expect(cardExpiry(new Date("2026-12-01T09:00:00Z"), 1095, "Europe/London")).toEqual(cardExpiry(lateEvening, 1095, "Europe/London"));
  });

  it("counts days in the library's zone, so an evening in New York is still that day there", () => {
    // 02:00 UTC on 2 Dec is 21:00 on 1 Dec in New York.
    expect(cardExpiry(new Date("2026-12-02T02:00:00Z"), 30, "America/New_York").toISOString()).toBe("2027-01-01T04:59:59.999Z");
  });

  it("ends at local midnight across a daylight-saving change", () => {
    expect(cardExpiry(new Date("2027-01-10T12:00:00Z"), 180, "Europe/London").toISOString()).toBe("2027-07-09T22:59:59.999Z");
  });
});
