import { normaliseCode } from "../codes";
import { db } from "../db";

export type PatronMatch = { id: number; name: string; email: string | null; phone: string | null; cardNumber: string; status: string };

/** The desk's patron lookup: an exact card number or email, otherwise names containing the text. */
export async function findPatrons(query: string): Promise<PatronMatch[]> {
  const q = query.trim();
  const select = { id: true, name: true, email: true, phone: true, cardNumber: true, status: true } as const;
  const exact = await db.user.findMany({ where: { OR: [{ cardNumber: normaliseCode(q) }, { email: q.toLowerCase() }] }, select });
  if (exact.length) return exact;
  // Case-insensitive on both databases without provider-specific modes: match the common capitalisations.
  const variants = [...new Set([q, q.toLowerCase(), q.replace(/\b\p{L}/gu, (c) => c.toUpperCase())])];
  return db.user.findMany({ where: { OR: variants.map((v) => ({ name: { contains: v } })) }, orderBy: { name: "asc" }, take: 20, select });
}
