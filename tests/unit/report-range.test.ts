import { describe, expect, it } from "vitest";
import { reportRangeError } from "@/lib/reports/range";

describe("reportRangeError", () => {
  it("refuses a range whose first day is after its last, naming both days", () => {
    expect(reportRangeError({ from: "2026-06-01", to: "2026-01-31" })).toMatch(/“From” \(2026-06-01\) is after “To” \(2026-01-31\)/);
  });

  it("takes a range in order, a single day, and a missing or unreadable date (the default is used)", () => {
    expect(reportRangeError({ from: "2026-01-01", to: "2026-06-30" })).toBeNull();
    expect(reportRangeError({ from: "2026-01-01", to: "2026-01-01" })).toBeNull();
    expect(reportRangeError({ from: "2026-06-01" })).toBeNull();
    expect(reportRangeError({ from: "2026-06-01", to: "June" })).toBeNull();
  });
});
