import { parse } from "isbn3";

/** ISBN-10 or ISBN-13 in any form → the ISBN-13 digits, or null when the check digit is wrong. */
export function normalizeIsbn(input: string): string | null {
  const parsed = parse(input.replace(/[\s-]/g, ""));
  return parsed?.isValid ? parsed.isbn13 : null;
}
