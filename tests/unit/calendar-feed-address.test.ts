import { describe, expect, it } from "vitest";
import { calendarFeedName, readCalendarFeedName } from "@/lib/calendar/feed-address";

const SECRET = "unit-test-secret-0123456789";

describe("calendar feed addresses", () => {
  it("reads back the patron and version it was signed for", () => {
    expect(readCalendarFeedName(calendarFeedName(42, 3, SECRET), SECRET)).toEqual({ patronId: 42, version: 3 });
  });

  it("refuses an address signed with another secret, for another patron or version, or malformed", () => {
    const name = calendarFeedName(42, 3, SECRET);
    const signature = name.split("-").slice(2).join("-");
    expect(readCalendarFeedName(name, "another-secret")).toBeNull();
    expect(readCalendarFeedName(name.replace(/^42-/, "43-"), SECRET)).toBeNull();
    expect(readCalendarFeedName(name.replace(/^42-3-/, "42-4-"), SECRET)).toBeNull();
    expect(readCalendarFeedName(`42-3-${signature.slice(1)}`, SECRET)).toBeNull();
    for (const bad of ["", "42", "0-0-x", "../etc/passwd", `${name}.ics`]) expect(readCalendarFeedName(bad, SECRET)).toBeNull();
  });
});
