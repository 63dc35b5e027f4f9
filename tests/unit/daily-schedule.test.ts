import { describe, expect, it } from "vitest";
import { dailyRunMissed, dueRunDay } from "@/lib/notifications/daily-schedule";

describe("when the daily job is due", () => {
  const paris = "Europe/Paris";

  it("a day's run is due from its time on, in the library's time zone", () => {
    // 05:30 UTC is 07:30 in Paris in summer.
    expect(dueRunDay(new Date("2026-06-10T05:30:00Z"), "07:00", paris)).toBe("2026-06-10");
    expect(dueRunDay(new Date("2026-06-10T04:59:00Z"), "07:00", paris)).toBe("2026-06-09");
    expect(dueRunDay(new Date("2026-06-10T05:00:00Z"), "07:00", paris)).toBe("2026-06-10");
    // Just after midnight in Paris, still the evening before in UTC.
    expect(dueRunDay(new Date("2026-06-09T22:30:00Z"), "00:15", paris)).toBe("2026-06-10");
    // Across a month's end.
    expect(dueRunDay(new Date("2026-07-01T03:00:00Z"), "06:00", "UTC")).toBe("2026-06-30");
  });

  it("a start after a missed day runs the job; a second start the same day does not", () => {
    const at = new Date("2026-06-10T09:00:00Z");
    expect(dailyRunMissed({ lastRunDay: "", at, time: "06:00", timeZone: "UTC" })).toBe(true);
    expect(dailyRunMissed({ lastRunDay: "2026-06-08", at, time: "06:00", timeZone: "UTC" })).toBe(true);
    expect(dailyRunMissed({ lastRunDay: "2026-06-09", at, time: "06:00", timeZone: "UTC" })).toBe(true);
    expect(dailyRunMissed({ lastRunDay: "2026-06-10", at, time: "06:00", timeZone: "UTC" })).toBe(false);
  });

  it("before the day's time, yesterday's run is the one owed", () => {
    const at = new Date("2026-06-10T05:00:00Z");
    expect(dailyRunMissed({ lastRunDay: "2026-06-09", at, time: "06:00", timeZone: "UTC" })).toBe(false);
    expect(dailyRunMissed({ lastRunDay: "2026-06-08", at, time: "06:00", timeZone: "UTC" })).toBe(true);
  });
});
