import { z } from "zod";
import { normaliseCode } from "../codes";
import { now } from "../clock";
import { normalizeIsbn } from "./isbn";

// One schema per form, shared by the inventory forms, their server actions and the CSV import
// (which feeds each row through titleSchema, so a row is valid exactly when the form would be).

/** Trimmed text, empty → null. Accepts a missing value (CSV cells, unchecked fields). */
function optionalText(max: number, label: string) {
  return z.preprocess(
    (v) => (typeof v === "string" ? v.trim() || null : (v ?? null)),
    z.string().max(max, `${label} must be at most ${max} characters.`).nullable(),
  );
}

/** A whole number typed in a text box, empty → null. */
function optionalInt(label: string) {
  return z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? null : Number(v.trim())) : (v ?? null)),
    z.number({ error: `${label} must be a number.` }).int(`${label} must be a whole number.`).nullable(),
  );
}

/**
 * Names typed one per line, or comma-separated on one line ("Neil Gaiman, Terry Pratchett"):
 * trimmed, blanks dropped, repeats (ignoring case) dropped, order kept.
 */
export function splitNames(input: string, separator: RegExp = /,/): string[] {
  const parts = input.includes("\n") ? input.split(/\r?\n/) : input.split(separator);
  const seen = new Set<string>();
  const names: string[] = [];
  for (const raw of parts) {
    const name = raw.trim().replace(/\s+/g, " ");
    if (name && !seen.has(name.toLowerCase())) {
      seen.add(name.toLowerCase());
      names.push(name);
    }
  }
  return names;
}

function nameList(label: string, max: number) {
  return z.preprocess(
    (v) => (typeof v === "string" ? splitNames(v) : (v ?? [])),
    z
      .array(z.string().max(200, `Each of the ${label.toLowerCase()} must be at most 200 characters.`))
      .max(max, `At most ${max} ${label.toLowerCase()}.`),
  );
}

export const titleSchema = z.object({
  title: z.string({ error: "Enter the title." }).trim().min(1, "Enter the title.").max(300, "The title must be at most 300 characters."),
  subtitle: optionalText(300, "The subtitle"),
  originalTitle: optionalText(300, "The original title"),
  // Anthologies name many: goodbooks-10k has one with 47 authors.
  authors: nameList("Authors", 100),
  genres: nameList("Genres", 20),
  isbn: z
    .preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string())
    .refine((v) => v === "" || normalizeIsbn(v) !== null, "Enter a valid ISBN-10 or ISBN-13 (the check digit is wrong or a digit is missing).")
    .transform((v) => (v === "" ? null : normalizeIsbn(v))),
  publisher: optionalText(200, "The publisher"),
  year: optionalInt("Year")
    .refine((y) => y === null || y >= 0, "Year cannot be negative.")
    .refine((y) => y === null || y <= now().getUTCFullYear() + 1, "Year cannot be later than next year."),
  language: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toLowerCase() || null : (v ?? null)),
    z
      .string()
      .regex(/^[a-z]{2,3}$/, "Use a 2- or 3-letter language code, such as en or fra.")
      .nullable(),
  ),
  pages: optionalInt("Pages")
    .refine((p) => p === null || p > 0, "Pages must be a positive number.")
    .refine((p) => p === null || p <= 100_000, "Pages must be at most 100,000."),
  description: optionalText(10_000, "The description"),
});

export type TitleInput = z.infer<typeof titleSchema>;

/** The Title row's own columns from the form (authors, genres and the search columns are written apart). */
export function titleColumns(input: TitleInput) {
  return {
    title: input.title,
    subtitle: input.subtitle,
    originalTitle: input.originalTitle,
    isbn13: input.isbn,
    publisher: input.publisher,
    year: input.year,
    language: input.language,
    pageCount: input.pages,
    description: input.description,
  };
}

const id = (label: string) => z.coerce.number({ error: `Unknown ${label}.` }).int().positive(`Unknown ${label}.`);

export const titleIdSchema = z.object({ titleId: id("title") });
export const copyIdSchema = z.object({ copyId: id("copy") });

const shelfLocation = z
  .preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string())
  .pipe(z.string().max(100, "The shelf location must be at most 100 characters."));

/** An item type's code, as the copy form's select sends it (checked against the types by the operation). */
const itemTypeCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9_]{1,19}$/, "Choose an item type from the list.");

export const addCopySchema = z.object({
  titleId: id("title"),
  barcode: z
    .preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string())
    .pipe(
      z
        .string()
        .max(40, "A barcode is at most 40 characters.")
        .regex(/^[A-Za-z0-9-]*$/, "A barcode has only letters, digits and hyphens."),
    )
    .transform((v) => (v ? normaliseCode(v) : null)),
  shelfLocation,
  itemTypeCode: itemTypeCode.default("BOOK"),
});

/** Statuses a librarian may set by hand; ON_LOAN and ON_HOLD_SHELF follow circulation. */
export const MANUAL_COPY_STATUSES = ["AVAILABLE", "DAMAGED", "LOST", "WITHDRAWN"] as const;

export const updateCopySchema = z.object({
  copyId: id("copy"),
  shelfLocation,
  notes: optionalText(1_000, "Notes"),
  status: z.enum(MANUAL_COPY_STATUSES, { error: "Choose available, damaged, lost or withdrawn." }),
  /** Absent leaves the type as it is. */
  itemTypeCode: itemTypeCode.optional(),
});

export type AddCopyInput = z.infer<typeof addCopySchema>;
export type UpdateCopyInput = z.infer<typeof updateCopySchema>;
