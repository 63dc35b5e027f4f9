import { describe, expect, it } from "vitest";
import { dueInWords } from "@/lib/circulation/due-words";

// Loans are due at the end of the library's day (23:59:59.999 in its time zone).
const TZ = "Europe/London";
const due = new Date("2026-03-23T23:59:59.999Z");

describe("how near a due date is", () => {
  it("counts library days ahead, then today, then days overdue", () => {
    expect(dueInWords(due, new Date("2026-03-20T09:00:00Z"), TZ)).toBe("Due in 3 days");
    expect(dueInWords(due, new Date("2026-03-22T23:30:00Z"), TZ)).toBe("Due tomorrow");
    expect(dueInWords(due, new Date("2026-03-23T00:05:00Z"), TZ)).toBe("Due today");
    expect(dueInWords(due, new Date("2026-03-23T23:59:59.999Z"), TZ)).toBe("Due today");
    expect(dueInWords(due, new Date("2026-03-24T00:00:01Z"), TZ)).toBe("1 day overdue");
    expect(dueInWords(due, new Date("2026-03-25T12:00:00Z"), TZ)).toBe("2 days overdue");
  });

  it("counts by the library's calendar, not 24-hour periods", () => {
    // 22:30 UTC on the 20th is already the 21st in Auckland, so the 23rd there is 2 days away.
    const aucklandDue = new Date("2026-03-23T10:59:59.999Z");
    expect(dueInWords(aucklandDue, new Date("2026-03-20T12:30:00Z"), "Pacific/Auckland")).toBe("Due in 2 days");
  });
});
