import ICAL from "ical.js";
import { beforeEach, describe, expect, it } from "vitest";
import { GET } from "@/app/api/calendar/[feed]/route";
import { calendarFeedPath, replaceCalendarAddress } from "@/lib/calendar/calendar-address";
import { borrowTitle } from "@/lib/circulation/check-out";
import { renewLoan } from "@/lib/circulation/renew-loan";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { confirmOnHoldShelf } from "@/lib/holds/confirm-on-hold-shelf";
import { placeHold } from "@/lib/holds/place-hold";
import { resetDatabase } from "../support/database";
import { days, makeLibrarian, makePatrons, makeTitle } from "../support/fixtures";

const T0 = new Date("2026-05-04T15:00:00Z");
const SITE = "https://library.example";

beforeEach(async () => {
  await resetDatabase();
  setClock(T0);
  // Due dates end at midnight in New York, 04:00 the next day in UTC: the events must keep the library's date.
  await db.librarySettings.upsert({ where: { id: 1 }, create: { id: 1, timeZone: "America/New_York" }, update: { timeZone: "America/New_York" } });
});

async function fetchFeed(path: string): Promise<Response> {
  const feed = path.replace("/api/calendar/", "");
  return GET(new Request(`${SITE}${path}`), { params: Promise.resolve({ feed }) });
}

function events(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((e) => {
    const event = new ICAL.Event(e);
    return { uid: event.uid, summary: event.summary, date: event.startDate.toString(), allDay: event.startDate.isDate };
  });
}

describe("a patron's calendar feed", () => {
  it("has an all-day event on each due date and on the last day to collect a ready hold, in the library's dates", async () => {
    const [[patron], librarian, dune, emma] = await Promise.all([makePatrons(1), makeLibrarian(), makeTitle({ title: "Dune" }), makeTitle({ title: "Emma" })]);
    const loan = await borrowTitle({ patronId: patron.id, titleId: dune.id });
    const hold = await placeHold({ patronId: patron.id, titleId: emma.id });
    await confirmOnHoldShelf({ holdId: hold.holdId, actorId: librarian.id });

    const response = await fetchFeed(await calendarFeedPath(patron.id));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const text = await response.text();
    expect(events(text)).toEqual([
      { uid: `loan-${loan.loanId}@library.example`, summary: "Due back: Dune", date: "2026-05-25", allDay: true },
      { uid: `hold-${hold.holdId}@library.example`, summary: "Last day to collect: Emma", date: "2026-05-11", allDay: true },
    ]);

    // A renewal moves the same event.
    setClock(new Date(T0.getTime() + days(10)));
    await renewLoan({ loanId: loan.loanId, actorId: patron.id, patronId: patron.id });
    const renewed = events(await (await fetchFeed(await calendarFeedPath(patron.id))).text());
    expect(renewed[0]).toEqual({ uid: `loan-${loan.loanId}@library.example`, summary: "Due back: Dune", date: "2026-06-04", allDay: true });
  });

  it("stops answering the old address once the patron makes a new one, and never shows another patron's loans", async () => {
    const [[patron, other], book] = await Promise.all([makePatrons(2), makeTitle({ title: "Mine" })]);
    await borrowTitle({ patronId: other.id, titleId: book.id });
    const old = await calendarFeedPath(patron.id);
    expect(events(await (await fetchFeed(old)).text())).toEqual([]);

    const { path } = await replaceCalendarAddress(patron.id);
    expect(path).not.toBe(old);
    expect((await fetchFeed(old)).status).toBe(404);
    expect((await fetchFeed(path)).status).toBe(200);
    expect(await db.auditEntry.count({ where: { action: "calendar.replace_address", entityId: String(patron.id) } })).toBe(1);

    const forged = old.replace(`/api/calendar/${patron.id}-`, `/api/calendar/${other.id}-`);
    expect((await fetchFeed(forged)).status).toBe(404);
    expect((await fetchFeed(path.replace(/\.ics$/, ""))).status).toBe(404);
  });
});
