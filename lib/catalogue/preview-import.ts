import { db } from "../db";
import { type CatalogueFile, readCatalogueFile, unitOf } from "./catalogue-file";
import { type FieldChange, titleChanges } from "./import-changes";
import { planImport } from "./import-plan";

export type PreviewLine = {
  line: number;
  title: string;
  isbn13: string | null;
  copiesToAdd: number;
  titleId?: number;
  /** An update's changes, field by field. */
  changes?: FieldChange[];
  /** An update of a withdrawn title: its record changes, it stays withdrawn. */
  withdrawn?: boolean;
};

export type ImportPreview = {
  addCount: number;
  updateCount: number;
  copiesToAdd: number;
  /** The first rows of each kind; the counts above cover them all. */
  adds: PreviewLine[];
  updates: PreviewLine[];
  bad: { line: number; reason: string }[];
  /** What `line` counts: the CSV's lines, or a MARC file's records. */
  unit: "line" | "record";
};

export const PREVIEW_LIMIT = 100;

/** The dry run of an import: what it would add and update, and every row it would refuse. */
export async function previewImport(file: CatalogueFile): Promise<ImportPreview> {
  const plan = await planImport(db, readCatalogueFile(file), unitOf(file));
  const adds = plan.adds.map(({ row, newCopies }) => ({ line: row.line, title: row.input.title, isbn13: row.input.isbn, copiesToAdd: newCopies.length }));
  const updates = plan.updates.map(({ row, existing, newCopies }) => ({
    line: row.line,
    title: row.input.title,
    isbn13: row.input.isbn,
    copiesToAdd: newCopies.length,
    titleId: existing.id,
    changes: titleChanges(existing, row),
    withdrawn: existing.withdrawn,
  }));
  return {
    addCount: adds.length,
    updateCount: updates.length,
    copiesToAdd: [...adds, ...updates].reduce((n, r) => n + r.copiesToAdd, 0),
    adds: adds.slice(0, PREVIEW_LIMIT),
    updates: updates.slice(0, PREVIEW_LIMIT),
    bad: plan.bad,
    unit: unitOf(file),
  };
}
