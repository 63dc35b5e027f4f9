import { inRequest } from "../support/request-scope";
import Papa from "papaparse";
import { beforeEach, describe, expect, it } from "vitest";
import { GET as catalogueCsv } from "@/app/api/admin/catalogue.csv/route";
import { GET as reportCsv } from "@/app/api/admin/reports/[file]/route";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { makeUser, resetDatabase } from "../support/database";
import { makePatron, makeTitle } from "../support/fixtures";

// A title named like a spreadsheet formula, exported by a librarian: the spreadsheet that opens
// the file must show the text, not run it (OWASP's "CSV injection").
const EVIL = '=HYPERLINK("http://evil")';
const NOW = new Date("2026-03-02T10:00:00Z");

async function download(response: Response): Promise<string[][]> {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
  return Papa.parse<string[]>((await response.text()).replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
}

beforeEach(async () => {
  await resetDatabase();
  setClock(NOW);
});

describe("CSV exports", () => {
  it("the catalogue export writes a formula title as text", async () => {
    await makeTitle({ title: EVIL });
    const librarian = await makeUser({ role: "LIBRARIAN" });
    const rows = await inRequest(librarian, async () => download(await catalogueCsv(new Request("http://localhost:3000/api/admin/catalogue.csv"))));
    expect(rows[1][0]).toBe(`'${EVIL}`);
  });

  it("the most-borrowed report writes a formula title and author as text", async () => {
    const book = await makeTitle({ title: EVIL });
    await db.titleAuthor.deleteMany({ where: { titleId: book.id } });
    await db.title.update({ where: { id: book.id }, data: { authorNames: "@cmd|' /C calc'!A0" } });
    const patron = await makePatron();
    await db.loan.create({ data: { copyId: book.copies[0].id, patronId: patron.id, checkedOutAt: new Date("2026-02-01T10:00:00Z"), dueAt: new Date("2026-02-22T10:00:00Z") } });
    const librarian = await makeUser({ role: "LIBRARIAN" });
    const rows = await inRequest(librarian, async () =>
      download(await reportCsv(new Request("http://localhost:3000/api/admin/reports/most-borrowed.csv?from=2026-01-01&to=2026-03-01"), { params: Promise.resolve({ file: "most-borrowed.csv" }) })),
    );
    expect(rows[0]).toEqual(["Title", "Authors", "Loans"]);
    expect(rows[1][0]).toBe(`'${EVIL}`);
    expect(rows[1][1].startsWith("'@")).toBe(true);
    expect(rows[1][2]).toBe("1");
  });
});
