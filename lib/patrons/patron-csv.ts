import Papa from "papaparse";
import { z } from "zod";
import { CARD_NUMBER, normaliseCode } from "../codes";
import type { Db, Tx } from "../db";

// Patron CSV import: columns name,email,category,card_number(optional),phone(optional).
// Parsing and planning are shared by the dry-run preview and the import itself, which plans
// again inside its transaction so what it writes is what it checked.

export type PatronCsvRow = { line: number; name: string; email: string; category: string; cardNumber: string | null; phone: string | null };
export type BadRow = { line: number; reason: string };
export type ParsedPatronCsv = { rows: PatronCsvRow[]; bad: BadRow[]; missingColumns: string[] };

const REQUIRED = ["name", "email", "category"] as const;
export const MAX_PATRON_ROWS = 5_000;

export function parsePatronCsv(csv: string): ParsedPatronCsv {
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim().toLowerCase().replace(/[\s-]+/g, "_"),
  });
  const columns = parsed.meta.fields ?? [];
  const missingColumns = REQUIRED.filter((c) => !columns.includes(c));
  const bad: BadRow[] = [];
  const rows: PatronCsvRow[] = [];
  // Line numbers as a spreadsheet shows them: the header is line 1.
  parsed.data.forEach((record, i) => {
    const cell = (key: string) => (record[key] ?? "").trim();
    rows.push({
      line: i + 2,
      name: cell("name"),
      email: cell("email").toLowerCase(),
      category: cell("category"),
      cardNumber: normaliseCode(cell("card_number")) || null,
      phone: cell("phone") || null,
    });
  });
  for (const error of parsed.errors) {
    if (error.row !== undefined && error.type !== "FieldMismatch") bad.push({ line: error.row + 2, reason: error.message });
  }
  return { rows, bad, missingColumns };
}

export type PlannedAdd = PatronCsvRow & { categoryId: number };
export type PlannedUpdate = PlannedAdd & { patronId: number };
export type PatronImportPlan = { adds: PlannedAdd[]; updates: PlannedUpdate[]; bad: BadRow[] };

const email = z.email();
const PHONE = /^[0-9+()\-.\s]{3,40}$/;

/** Sorts each row into add (new email), update (known email) or bad (with the reason). */
export async function planPatronImport(client: Db | Tx, parsed: ParsedPatronCsv): Promise<PatronImportPlan> {
  const bad: BadRow[] = [...parsed.bad];
  if (parsed.missingColumns.length) {
    return { adds: [], updates: [], bad: [{ line: 1, reason: `The header lacks the column${parsed.missingColumns.length > 1 ? "s" : ""} ${parsed.missingColumns.join(", ")}.` }] };
  }
  if (parsed.rows.length > MAX_PATRON_ROWS) {
    return { adds: [], updates: [], bad: [{ line: 1, reason: `At most ${MAX_PATRON_ROWS.toLocaleString("en-US")} patrons per file.` }] };
  }
  const categories = await client.patronCategory.findMany({ select: { id: true, code: true, name: true } });
  const categoryOf = new Map<string, number>();
  for (const c of categories) {
    categoryOf.set(c.code.toLowerCase(), c.id);
    categoryOf.set(c.name.toLowerCase(), c.id);
  }
  const emails = parsed.rows.map((r) => r.email).filter(Boolean);
  const cards = parsed.rows.map((r) => r.cardNumber).filter((c): c is string => c !== null);
  const [existingByEmail, existingCards] = await Promise.all([
    client.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } }),
    client.user.findMany({ where: { cardNumber: { in: cards } }, select: { id: true, cardNumber: true } }),
  ]);
  const userOfEmail = new Map(existingByEmail.map((u) => [u.email ?? "", u.id]));
  const userOfCard = new Map(existingCards.map((u) => [u.cardNumber, u.id]));
  const seenEmails = new Map<string, number>();
  const seenCards = new Map<string, number>();
  const badLines = new Set(bad.map((b) => b.line));

  const adds: PlannedAdd[] = [];
  const updates: PlannedUpdate[] = [];
  for (const row of parsed.rows) {
    if (badLines.has(row.line)) continue;
    const reason = rowProblem(row, categoryOf, seenEmails, seenCards, userOfEmail, userOfCard);
    if (row.email) seenEmails.set(row.email, seenEmails.get(row.email) ?? row.line);
    if (row.cardNumber) seenCards.set(row.cardNumber, seenCards.get(row.cardNumber) ?? row.line);
    if (reason) {
      bad.push({ line: row.line, reason });
      continue;
    }
    const planned = { ...row, categoryId: categoryOf.get(row.category.toLowerCase())! };
    const patronId = userOfEmail.get(row.email);
    if (patronId) updates.push({ ...planned, patronId });
    else adds.push(planned);
  }
  bad.sort((a, b) => a.line - b.line);
  return { adds, updates, bad };
}

/** Every problem of the row, in column order, so that one pass through the file fixes it. */
function rowProblem(
  row: PatronCsvRow,
  categoryOf: Map<string, number>,
  seenEmails: Map<string, number>,
  seenCards: Map<string, number>,
  userOfEmail: Map<string, number>,
  userOfCard: Map<string, number>,
): string | null {
  const problems: string[] = [];
  if (!row.name) problems.push("The name is empty.");
  else if (row.name.length > 120) problems.push("The name is longer than 120 characters.");
  if (!row.email) problems.push("The email is empty.");
  else if (!email.safeParse(row.email).success) problems.push(`"${row.email}" is not an email address.`);
  else if (seenEmails.has(row.email)) problems.push(`The email ${row.email} is already on line ${seenEmails.get(row.email)}.`);
  if (!row.category) problems.push("The category is empty.");
  else if (!categoryOf.has(row.category.toLowerCase())) problems.push(`There is no patron category "${row.category}".`);
  if (row.phone && !PHONE.test(row.phone)) problems.push(`"${row.phone}" is not a phone number.`);
  if (row.cardNumber) {
    const holder = userOfCard.get(row.cardNumber);
    if (!CARD_NUMBER.test(row.cardNumber)) problems.push(`"${row.cardNumber}" is not a card number (4 to 32 letters, digits or dashes).`);
    else if (seenCards.has(row.cardNumber)) problems.push(`The card number ${row.cardNumber} is already on line ${seenCards.get(row.cardNumber)}.`);
    else if (holder !== undefined && holder !== userOfEmail.get(row.email)) problems.push(`The card number ${row.cardNumber} belongs to another account.`);
  }
  return problems.length > 0 ? problems.join(" ") : null;
}
