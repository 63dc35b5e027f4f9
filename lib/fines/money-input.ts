/** What a librarian typed as an amount: cents, or why it cannot be read. */
export type ParsedMoney = { ok: true; cents: number } | { ok: false; message: string };

const AMOUNT = /^(\d{1,6})(?:\.(\d{1,2}))?$/;

/**
 * Reads an amount typed at the desk ("1", "1.5", "£1.00"). Stacks shows money with a decimal
 * point (lib/format.ts formats in en-US), so it reads it the same way: a comma is refused rather
 * than guessed at, since "1,000" may be a thousand and "2,50" two fifty. A leading currency sign
 * is ignored, whichever currency the library uses.
 */
export function parseMoney(text: string): ParsedMoney {
  const typed = text.trim().replace(/^\p{Sc}\s*/u, "");
  if (typed.includes(",")) return { ok: false, message: `Use a point for pence: ${typed.replace(",", ".")}, not ${typed}.` };
  const m = AMOUNT.exec(typed);
  if (!m) return { ok: false, message: "Enter an amount like 2.50." };
  const cents = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  if (cents === 0) return { ok: false, message: "Enter an amount above zero." };
  return { ok: true, cents };
}
