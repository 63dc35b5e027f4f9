import { beforeAll, describe, expect, it } from "vitest";
import { db, dbKind } from "@/lib/db";
import { seedDemoLibrary } from "@/lib/demo/seed-demo-library";
import { searchCatalogue } from "@/lib/search/search-catalogue";
import { EMPTY_SEARCH } from "@/lib/search/search-options";
import { QUALITY_QUERIES, runQualityQueries } from "../../bench/lib/search-quality";
import { resetDatabase } from "../support/database";

/**
 * The share of bench/lib/search-quality.ts's queries whose book comes in the first three
 * results, over the whole goodbooks-10k demo catalogue, as measured on 2026-12-03 (SQLite and
 * PostgreSQL alike). It may rise; a change that lowers it fails here.
 */
const SEARCH_QUALITY_FLOOR = 1; // 154 of 154

describe("search quality over the demo catalogue", () => {
  beforeAll(async () => {
    await resetDatabase();
    await seedDemoLibrary(db);
  }, 300_000);

  it(`finds the book in the first three for at least the measured share of ${QUALITY_QUERIES.length} queries`, async () => {
    const report = await runQualityQueries(async (q) => (await searchCatalogue({ ...EMPTY_SEARCH, q, pageSize: 3 })).hits.map((h) => h.title));
    const misses = report.misses.map((m) => `${m.kind} “${m.q}” → ${m.got.join(" | ") || "nothing"}`).join("\n");
    expect(report.share, `${dbKind}: ${report.found} of ${report.total} found; missed:\n${misses}`).toBeGreaterThanOrEqual(SEARCH_QUALITY_FLOOR);
  });
});
