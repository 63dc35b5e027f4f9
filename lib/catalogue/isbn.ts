import { parse } from "isbn3";

/** ISBN-10 or ISBN-13 in any form (hyphens, spaces) → the ISBN-13 digits, or null when it is not a valid ISBN. */
export function normalizeIsbn(input: string): string | null {
  const compact = input.replace(/[\s-]/g, "");
  if (!/^(\d{9}[\dXx]|\d{13})$/.test(compact)) return null;
  const parsed = parse(compact.toUpperCase());
  return parsed?.isValid && parsed.isbn13 ? parsed.isbn13 : null;
}

/** Whether typed text is shaped like an ISBN (digits with hyphens or spaces), valid or not. */
export function looksLikeIsbn(input: string): boolean {
  return /^(\d[\s-]?){9}[\dXx]$|^(\d[\s-]?){12}\d$/.test(input.trim());
}

/** An ISBN-13 hyphenated for display ("978-0-439-02348-1"), or as given when its ranges are unknown. */
export function formatIsbn13(isbn13: string): string {
  return parse(isbn13)?.isbn13h ?? isbn13;
}
