import { describe, expect, it } from "vitest";
import { overdueFineCents } from "@/lib/fines/rules";
import {
  afterOpenDays,
  type Closure,
  fineDays,
  formatClosureDates,
  formatWeekdays,
  isClosedDay,
  onOpenDay,
  type OpeningDays,
  parseWeekdays,
  upcomingClosures,
} from "@/lib/policies/opening-days";
import { DEFAULT_POLICY } from "@/lib/policies/policy";

const at = (iso: string) => new Date(iso);
const SUNDAY = 0;
const SATURDAY = 6;
const closure = (startsOn: string, endsOn = startsOn, yearly = false, name = "Closed"): Closure => ({ name, startsOn, endsOn, yearly });
const days = (closedWeekdays: number[], closures: Closure[] = [], noFinesOnClosedDays = true): OpeningDays => ({ closedWeekdays, closures, noFinesOnClosedDays });

// The demo library: closed on Sundays, 25–26 Dec and 1 Jan every year.
const DEMO = days([SUNDAY], [closure("2026-12-25", "2026-12-26", true, "Christmas"), closure("2027-01-01", "2027-01-01", true, "New Year's Day")]);
// Works across the new year every year (Wednesday 31 Dec 2025 to Friday 2 Jan 2026 the first time).
const YEAR_END = days([], [closure("2025-12-31", "2026-01-02", true, "Stocktaking")]);

describe("which days are closed", () => {
  it.each<[string, OpeningDays, string, boolean]>([
    ["a closed weekday", DEMO, "2026-03-22", true],
    ["an open weekday", DEMO, "2026-03-23", false],
    ["a yearly closure in a later year", DEMO, "2031-12-26", true],
    ["the day after a yearly closure", DEMO, "2031-12-27", false],
    ["a yearly run's last day of the year", YEAR_END, "2030-12-31", true],
    ["a yearly run's first day of the new year", YEAR_END, "2031-01-02", true],
    ["the day after a yearly run across the new year", YEAR_END, "2031-01-03", false],
    ["the day before a yearly run across the new year", YEAR_END, "2030-12-30", false],
    ["a one-off closure's own year", days([], [closure("2026-08-03", "2026-08-14")]), "2026-08-10", true],
    ["a one-off closure a year later", days([], [closure("2026-08-03", "2026-08-14")]), "2027-08-10", false],
    ["1 Mar after a yearly 29 Feb in a common year", days([], [closure("2028-02-29", "2028-02-29", true)]), "2027-03-01", false],
  ])("%s", (_, openingDays, day, closed) => {
    expect(isClosedDay(day, openingDays)).toBe(closed);
  });
});

describe("due dates on closed days move to the next open day", () => {
  it.each<[string, string, OpeningDays, string, string]>([
    ["due on an open day stays", "2026-03-23T23:59:59.999Z", DEMO, "UTC", "2026-03-23T23:59:59.999Z"],
    ["due on a closed Sunday is due Monday", "2026-03-22T23:59:59.999Z", DEMO, "UTC", "2026-03-23T23:59:59.999Z"],
    // Sunday 22 Mar in Tokyo ends at 14:59:59 UTC: the library's day counts, not the server's.
    ["in Tokyo, a Sunday that is still Sunday in UTC", "2026-03-22T14:59:59.999Z", DEMO, "Asia/Tokyo", "2026-03-23T14:59:59.999Z"],
    // Saturday 28 Mar ends in winter time; London moves its clocks on Sunday 29 Mar; Monday ends in summer time.
    ["across the spring clock change in London", "2026-03-28T23:59:59.999Z", days([SUNDAY], [closure("2026-03-28")]), "Europe/London", "2026-03-30T22:59:59.999Z"],
    // Saturday 31 Oct ends in daylight time; New York moves its clocks on Sunday 1 Nov.
    ["across the autumn clock change in New York", "2026-11-01T03:59:59.999Z", days([SATURDAY, SUNDAY]), "America/New_York", "2026-11-03T04:59:59.999Z"],
    ["a closure spanning the due date moves it past its last day", "2026-08-05T23:59:59.999Z", days([SUNDAY], [closure("2026-08-03", "2026-08-14")]), "UTC", "2026-08-15T23:59:59.999Z"],
    ["Christmas Friday to Sunday moves to Monday 28 Dec in New York", "2026-12-26T04:59:59.999Z", DEMO, "America/New_York", "2026-12-29T04:59:59.999Z"],
    ["a yearly run across the new year", "2027-01-01T23:59:59.999Z", YEAR_END, "UTC", "2027-01-03T23:59:59.999Z"],
    ["the same run two years later, from 31 Dec", "2028-12-31T23:59:59.999Z", YEAR_END, "UTC", "2029-01-03T23:59:59.999Z"],
    ["a library closed every day keeps the due date", "2026-03-23T23:59:59.999Z", days([0, 1, 2, 3, 4, 5, 6]), "UTC", "2026-03-23T23:59:59.999Z"],
  ])("%s", (_, due, openingDays, zone, moved) => {
    expect(onOpenDay(at(due), openingDays, zone).toISOString()).toBe(moved);
  });
});

describe("pickup windows count open days", () => {
  it.each<[string, string, number, OpeningDays, string, string]>([
    ["no closures: seven days", "2026-03-20T10:00:00Z", 7, days([]), "UTC", "2026-03-27T23:59:59.999Z"],
    ["a closed Sunday adds a day", "2026-03-20T10:00:00Z", 7, DEMO, "UTC", "2026-03-28T23:59:59.999Z"],
    ["one day from Saturday is Monday", "2026-03-21T10:00:00Z", 1, DEMO, "UTC", "2026-03-23T23:59:59.999Z"],
    ["over Christmas and Sundays", "2026-12-23T10:00:00Z", 3, DEMO, "UTC", "2026-12-29T23:59:59.999Z"],
    ["across the spring clock change in London", "2026-03-27T12:00:00Z", 2, DEMO, "Europe/London", "2026-03-30T22:59:59.999Z"],
  ])("%s", (_, ready, window, openingDays, zone, pickupBy) => {
    expect(afterOpenDays(at(ready), window, openingDays, zone).toISOString()).toBe(pickupBy);
  });
});

describe("fines count open days", () => {
  const weekendClosed = days([SATURDAY, SUNDAY]);
  it.each<[string, string, string, OpeningDays, string, number, number]>([
    // Due Friday, back Monday: Saturday and Sunday are closed, Monday counts.
    ["over a closed weekend", "2026-03-20T23:59:59.999Z", "2026-03-23T10:00:00Z", weekendClosed, "UTC", 3, 1],
    ["back on the closed Sunday", "2026-03-20T23:59:59.999Z", "2026-03-22T10:00:00Z", weekendClosed, "UTC", 2, 0],
    ["a library that fines closed days too", "2026-03-20T23:59:59.999Z", "2026-03-23T10:00:00Z", days([SATURDAY, SUNDAY], [], false), "UTC", 3, 3],
    // Due Wednesday 23 Dec, back Monday 4 Jan: 25, 26, 27 (Sunday), 1 and 3 (Sunday) Jan are closed.
    ["over Christmas and the new year", "2026-12-23T23:59:59.999Z", "2027-01-04T10:00:00Z", DEMO, "UTC", 12, 7],
    // London's clocks go back on Sunday 25 Oct: due Friday (summer time), back Monday (winter time).
    ["across the autumn clock change in London", "2026-10-23T22:59:59.999Z", "2026-10-26T10:00:00Z", DEMO, "Europe/London", 3, 2],
  ])("%s", (_, due, returned, openingDays, zone, late, counted) => {
    expect(fineDays(late, at(due), openingDays, zone)).toBe(counted);
    expect(overdueFineCents(at(due), at(returned), DEFAULT_POLICY, zone, openingDays)).toBe(counted * DEFAULT_POLICY.fineDailyCents);
  });

  it("a day of grace is used by the one open day of a late weekend", () => {
    const grace = { fineDailyCents: 10, fineGraceDays: 1, fineCapCents: 300 };
    expect(overdueFineCents(at("2026-03-20T23:59:59.999Z"), at("2026-03-23T10:00:00Z"), grace, "UTC", weekendClosed)).toBe(0);
    expect(overdueFineCents(at("2026-03-20T23:59:59.999Z"), at("2026-03-24T10:00:00Z"), grace, "UTC", weekendClosed)).toBe(20);
  });
});

describe("upcoming closures shown to patrons", () => {
  it.each<[string, string, OpeningDays, string[]]>([
    ["early December: Christmas and the new year", "2026-12-03T10:00:00Z", DEMO, ["2026-12-25..2026-12-26", "2027-01-01..2027-01-01"]],
    ["on 26 Dec, Christmas is still on", "2026-12-26T10:00:00Z", DEMO, ["2026-12-25..2026-12-26", "2027-01-01..2027-01-01"]],
    ["in March, nothing within 60 days", "2026-03-01T10:00:00Z", DEMO, []],
    ["on 1 Jan, a yearly run from 31 Dec", "2027-01-01T10:00:00Z", YEAR_END, ["2026-12-31..2027-01-02"]],
    ["a one-off closure that is over", "2026-08-20T10:00:00Z", days([], [closure("2026-08-03", "2026-08-14")]), []],
  ])("%s", (_, now, openingDays, expected) => {
    expect(upcomingClosures(at(now), openingDays, "UTC").map((c) => `${c.firstDay}..${c.lastDay}`)).toEqual(expected);
  });

  it.each([
    ["2026-12-25", "2026-12-25", "25 Dec"],
    ["2026-12-25", "2026-12-26", "25–26 Dec"],
    ["2026-12-31", "2027-01-02", "31 Dec – 2 Jan"],
  ])("%s to %s reads %s", (firstDay, lastDay, words) => {
    expect(formatClosureDates({ firstDay, lastDay })).toBe(words);
  });

  it("names weekly closed days Monday first", () => {
    expect(formatWeekdays([SUNDAY, SATURDAY])).toBe("Saturdays and Sundays");
    expect(formatWeekdays([SUNDAY])).toBe("Sundays");
    expect(parseWeekdays("0, 6,6,x,9")).toEqual([0, 6]);
  });
});
