import { describe, expect, it } from "vitest";
import { trailingOverdueRate } from "@/lib/reports/circulation-reports";

const month = (m: string, loans: number, overdue: number) => ({ month: m, loans, overdue, ratePercent: loans === 0 ? 0 : Math.round((overdue / loans) * 1000) / 10 });

describe("trailingOverdueRate", () => {
  it("does not rise before the month whose loans went overdue", () => {
    const months = [month("2026-01", 10, 0), month("2026-02", 10, 0), month("2026-03", 10, 5), month("2026-04", 10, 5)];
    expect(trailingOverdueRate(months).map((m) => m.trailingPercent)).toEqual([0, 0, 16.7, 33.3]);
  });

  it("weighs each month by its loans and looks back over the months it has", () => {
    const months = [month("2026-01", 2, 2), month("2026-02", 18, 0), month("2026-03", 0, 0), month("2026-04", 0, 0)];
    expect(trailingOverdueRate(months).map((m) => m.trailingPercent)).toEqual([100, 10, 10, 0]);
  });

  it("keeps each month's own figures beside the smoothed one", () => {
    expect(trailingOverdueRate([month("2026-01", 4, 1)])).toEqual([{ month: "2026-01", loans: 4, overdue: 1, ratePercent: 25, trailingPercent: 25 }]);
  });
});
