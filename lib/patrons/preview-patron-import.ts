import { db } from "../db";
import { parsePatronCsv, planPatronImport, type BadRow } from "./patron-csv";

export type PatronPreviewLine = { line: number; name: string; email: string; category: string; patronId?: number };
export type PatronImportPreview = { addCount: number; updateCount: number; adds: PatronPreviewLine[]; updates: PatronPreviewLine[]; bad: BadRow[] };

export const PATRON_PREVIEW_LIMIT = 100;

/** The dry run of a patron import: who would be added, who updated (by email), every bad row. */
export async function previewPatronImport({ csv }: { csv: string }): Promise<PatronImportPreview> {
  const plan = await planPatronImport(db, parsePatronCsv(csv));
  const line = (r: { line: number; name: string; email: string; category: string; patronId?: number }) => ({
    line: r.line,
    name: r.name,
    email: r.email,
    category: r.category,
    ...(r.patronId ? { patronId: r.patronId } : {}),
  });
  return {
    addCount: plan.adds.length,
    updateCount: plan.updates.length,
    adds: plan.adds.slice(0, PATRON_PREVIEW_LIMIT).map(line),
    updates: plan.updates.slice(0, PATRON_PREVIEW_LIMIT).map(line),
    bad: plan.bad,
  };
}
