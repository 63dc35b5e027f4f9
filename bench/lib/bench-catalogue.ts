import { demoCatalogueRows, generateSyntheticTitles, readGoodbooks } from "@/lib/catalogue/demo-library";
import { seedCatalogue } from "@/lib/catalogue/seed-catalogue";
import type { Db } from "@/lib/db";

// A large catalogue for benchmarks: the 10,000 real books of the demo library, then generated
// titles up to the size asked for, loaded the way the demo seed loads them. Deterministic, so
// every run measures the same data.

const BUILT_AT = new Date("2026-01-01T00:00:00Z");

/** Fills an empty catalogue with `target` titles (10,000 real ones first) and their copies. */
export async function buildBenchCatalogue(db: Db, target: number): Promise<void> {
  const real = demoCatalogueRows(readGoodbooks().slice(0, target), BUILT_AT);
  const rows = [...real, ...generateSyntheticTitles(Math.max(0, target - real.length), real.length, BUILT_AT)];
  // A third of the copies out on loan, so "available now" filters something.
  let copy = 0;
  for (const row of rows) for (const c of row.copies) if (++copy % 3 === 0) c.status = "ON_LOAN";
  await seedCatalogue(db, rows);
}
