import { beforeEach, describe, expect, it } from "vitest";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { collectionByGenre, collectionByLanguage } from "@/lib/reports/collection-reports";
import { loansPerMonth, mostBorrowed, overdueRate } from "@/lib/reports/circulation-reports";
import { overview } from "@/lib/reports/overview";
import { newPatronsPerMonth } from "@/lib/reports/patron-reports";
import { reportRange } from "@/lib/reports/range";
import { reportCsv, reportTable } from "@/lib/reports/report-tables";
import { resetDatabase } from "../support/database";
import { makePatrons, makeTitle } from "../support/fixtures";

const NOW = new Date("2026-03-02T10:00:00Z");
const at = (iso: string) => new Date(iso);

/**
 * Two titles in two genres and languages (and a withdrawn one that does not count), five loans
 * around three months, three patrons who joined in January, February and last year.
 */
async function library() {
  const [dune, odes, gone] = await Promise.all([makeTitle({ title: "Dune", copies: 2 }), makeTitle({ title: "Odes", copies: 1 }), makeTitle({ title: "Gone" })]);
  await db.title.update({ where: { id: dune.id }, data: { language: "en", createdAt: at("2026-01-02T00:00:00Z") } });
  await db.title.update({ where: { id: odes.id }, data: { language: "fr", createdAt: at("2026-01-03T00:00:00Z") } });
  await db.title.update({ where: { id: gone.id }, data: { language: "en", withdrawnAt: at("2026-01-05T00:00:00Z") } });
  const [scifi, poetry] = await Promise.all([db.genre.create({ data: { name: "Science fiction", slug: "science-fiction" } }), db.genre.create({ data: { name: "Poetry", slug: "poetry" } })]);
  await db.titleGenre.createMany({ data: [{ titleId: dune.id, genreId: scifi.id }, { titleId: odes.id, genreId: poetry.id }, { titleId: gone.id, genreId: scifi.id }] });

  const patrons = await makePatrons(3);
  await db.user.update({ where: { id: patrons[0].id }, data: { createdAt: at("2026-01-15T12:00:00Z") } });
  await db.user.update({ where: { id: patrons[1].id }, data: { createdAt: at("2026-02-03T12:00:00Z") } });
  await db.user.update({ where: { id: patrons[2].id }, data: { createdAt: at("2025-06-01T12:00:00Z") } });

  const loan = (copyId: number, out: string, due: string, back: string | null) =>
    db.loan.create({ data: { copyId, patronId: patrons[0].id, checkedOutAt: at(out), dueAt: at(due), returnedAt: back ? at(back) : null } });
  await loan(dune.copies[0].id, "2025-12-15T10:00:00Z", "2026-01-05T23:59:59.999Z", "2026-01-02T10:00:00Z");
  await loan(dune.copies[0].id, "2026-01-10T10:00:00Z", "2026-01-31T23:59:59.999Z", "2026-01-20T10:00:00Z");
  // Late in the evening of 31 January in UTC; already 1 February in Paris.
  await loan(dune.copies[1].id, "2026-01-31T23:30:00Z", "2026-02-21T23:59:59.999Z", "2026-02-25T10:00:00Z");
  await loan(dune.copies[0].id, "2026-02-05T10:00:00Z", "2026-02-26T23:59:59.999Z", null);
  await loan(odes.copies[0].id, "2026-03-01T10:00:00Z", "2026-03-22T23:59:59.999Z", null);
  return { dune, odes };
}

beforeEach(async () => {
  await resetDatabase();
  setClock(NOW);
});

describe("reports", () => {
  it("count loans, the most borrowed, the overdue rate and new patrons by month in the range", async () => {
    const { dune, odes } = await library();
    const range = reportRange({ from: "2026-01-01", to: "2026-03-31" }, NOW, "UTC");
    expect(await mostBorrowed(range)).toEqual([
      { titleId: dune.id, title: "Dune", authors: "Test Author", loans: 3 },
      { titleId: odes.id, title: "Odes", authors: "Test Author", loans: 1 },
    ]);
    expect(await loansPerMonth(range)).toEqual([
      { month: "2026-01", count: 2 },
      { month: "2026-02", count: 1 },
      { month: "2026-03", count: 1 },
    ]);
    expect(await overdueRate(range)).toEqual({
      months: [
        { month: "2026-01", loans: 2, overdue: 1, ratePercent: 50 },
        { month: "2026-02", loans: 1, overdue: 1, ratePercent: 100 },
        { month: "2026-03", loans: 1, overdue: 0, ratePercent: 0 },
      ],
      current: { open: 2, overdue: 1, ratePercent: 50 },
    });
    expect(await newPatronsPerMonth(range)).toEqual([
      { month: "2026-01", count: 1 },
      { month: "2026-02", count: 1 },
      { month: "2026-03", count: 0 },
    ]);
  });

  it("put a loan in the month of the library's time zone", async () => {
    await library();
    const paris = reportRange({ from: "2026-01-01", to: "2026-02-28" }, NOW, "Europe/Paris");
    expect(await loansPerMonth(paris)).toEqual([
      { month: "2026-01", count: 1 },
      { month: "2026-02", count: 2 },
    ]);
  });

  it("describe the collection by genre and language, leaving withdrawn titles out", async () => {
    await library();
    expect(await collectionByGenre()).toEqual([
      { label: "Poetry", titles: 1, copies: 1 },
      { label: "Science fiction", titles: 1, copies: 2 },
    ]);
    // By name, as the catalogue shows a language, not by its code.
    expect(await collectionByLanguage()).toEqual([
      { label: "English", titles: 1, copies: 2 },
      { label: "French", titles: 1, copies: 1 },
    ]);
  });

  it("export the table shown as CSV", async () => {
    await library();
    const table = await reportTable("loans-per-month", reportRange({ from: "2026-01-01", to: "2026-02-15" }, NOW, "UTC"));
    expect(reportCsv(table)).toBe("Month,Loans\r\n2026-01,2\r\n2026-02,1");
  });

  it("default to the last twelve months", () => {
    const range = reportRange({}, NOW, "UTC");
    expect([range.from, range.to, range.months.length, range.months[0]]).toEqual(["2025-04-01", "2026-03-02", 12, "2025-04"]);
  });
});

describe("overview", () => {
  it("counts today's loans and returns in the library's day, overdue loans, ready holds and what is owed", async () => {
    const { dune, odes } = await library();
    const patron = (await db.user.findFirstOrThrow({ where: { role: "PATRON" } })).id;
    // Today began at 23:00 UTC yesterday in Paris: this loan is today's there, not in UTC.
    await db.loan.create({ data: { copyId: odes.copies[0].id, patronId: patron, checkedOutAt: at("2026-03-01T23:30:00Z"), dueAt: at("2026-03-22T23:59:59.999Z"), returnedAt: at("2026-03-02T09:00:00Z") } });
    await db.hold.create({ data: { titleId: dune.id, patronId: patron, status: "READY", placedAt: at("2026-02-20T10:00:00Z") } });
    await db.hold.create({ data: { titleId: odes.id, patronId: patron, status: "WAITING", placedAt: at("2026-02-20T10:00:00Z") } });
    await db.fine.createMany({
      data: [
        { patronId: patron, kind: "MANUAL", amountCents: 300, paidCents: 100, description: "a", createdAt: NOW },
        { patronId: patron, kind: "MANUAL", amountCents: 400, waivedCents: 400, description: "b", createdAt: NOW, settledAt: NOW },
      ],
    });
    expect(await overview()).toMatchObject({ loansToday: 0, returnsToday: 1, overdue: 1, holdsReady: 1, finesOutstandingCents: 200 });
    await db.librarySettings.create({ data: { id: 1, timeZone: "Europe/Paris" } });
    const paris = await overview();
    expect(paris).toMatchObject({ loansToday: 1, returnsToday: 1 });
    expect(paris.newestTitles.map((t) => t.title)).toEqual(["Odes", "Dune"]);
  });
});
