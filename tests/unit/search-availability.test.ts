import { describe, expect, it } from "vitest";
import { describeAvailability } from "@/lib/catalogue/availability";

const due = new Date("2026-12-12T15:00:00Z");
const at = new Date("2026-12-01T10:00:00Z");

describe("availability line", () => {
  it("counts the copies on the shelf", () => {
    expect(describeAvailability({ copies: { AVAILABLE: 2, ON_LOAN: 1 }, openHolds: 0, nextDueAt: due }, "UTC", at)).toEqual({
      total: 3,
      available: 2,
      label: "2 of 3 available",
    });
  });

  it("says when all copies are out, how many wait and when the next is due", () => {
    expect(describeAvailability({ copies: { ON_LOAN: 3 }, openHolds: 4, nextDueAt: due }, "UTC", at).label).toBe(
      "All 3 copies on loan · 4 holds · next due 12 Dec",
    );
    expect(describeAvailability({ copies: { ON_LOAN: 1 }, openHolds: 1, nextDueAt: due }, "UTC", at).label).toBe("On loan · 1 hold · next due 12 Dec");
    expect(describeAvailability({ copies: { ON_LOAN: 2 }, openHolds: 0, nextDueAt: due }, "UTC", at).label).toBe("All 2 copies on loan · next due 12 Dec");
  });

  it("shows the due date in the library's time zone", () => {
    const lateEvening = new Date("2026-12-12T23:30:00Z");
    expect(describeAvailability({ copies: { ON_LOAN: 1 }, openHolds: 0, nextDueAt: lateEvening }, "Pacific/Auckland", at).label).toBe(
      "On loan · next due 13 Dec",
    );
  });

  it("says since when a copy is overdue, and gives the year of a date in another year", () => {
    const overdue = new Date("2025-11-22T17:00:00Z");
    expect(describeAvailability({ copies: { ON_LOAN: 1 }, openHolds: 0, nextDueAt: overdue }, "UTC", at).label).toBe("On loan · overdue since 22 Nov 2025");
    expect(describeAvailability({ copies: { ON_LOAN: 1 }, openHolds: 0, nextDueAt: new Date("2026-11-22T17:00:00Z") }, "UTC", at).label).toBe("On loan · overdue since 22 Nov");
    expect(describeAvailability({ copies: { ON_LOAN: 1 }, openHolds: 0, nextDueAt: new Date("2027-01-05T17:00:00Z") }, "UTC", at).label).toBe("On loan · next due 5 Jan 2027");
  });

  it("leaves withdrawn copies out and does not count lost or damaged ones as available", () => {
    expect(describeAvailability({ copies: { AVAILABLE: 1, WITHDRAWN: 5 }, openHolds: 0, nextDueAt: null }, "UTC", at).label).toBe("1 of 1 available");
    expect(describeAvailability({ copies: { ON_LOAN: 1, LOST: 1, ON_HOLD_SHELF: 1 }, openHolds: 2, nextDueAt: due }, "UTC", at).label).toBe(
      "None of 3 available · 2 holds · next due 12 Dec",
    );
    expect(describeAvailability({ copies: { WITHDRAWN: 2 }, openHolds: 0, nextDueAt: null }, "UTC", at)).toEqual({
      total: 0,
      available: 0,
      label: "No copies in the library",
    });
  });
});
