import type { Tx } from "../db";
import { DomainError } from "../errors";
import { Prisma } from "../generated/sqlite/client";
import { resolveRule, RULE_FIELDS, type CategoryRule, type ResolvedRule, type RuleCell, type RuleField } from "./circulation-rule";

export type TypedRule = { rule: ResolvedRule; itemType: { code: string; name: string } };

type RuleReader = Pick<Tx, "$queryRaw">;

// What a cell or a type's default row may set, as columns: the type's under their own names,
// the category's cell for it prefixed with "cell" (null where the matrix has no cell).
const FLAGS: readonly RuleField[] = ["holdable", "notForLoan"];
const NUMBERS = RULE_FIELDS.filter((f) => !FLAGS.includes(f));
const cellColumn = (field: string) => `cell${field[0].toUpperCase()}${field.slice(1)}`;

const RULE_COLUMNS = Prisma.raw(RULE_FIELDS.flatMap((f) => [`t."${f}"`, `r."${f}" AS "${cellColumn(f)}"`]).join(", "));

type TypeAndCellRow = { id: number; code: string; name: string; cellId: number | null } & Record<string, number | boolean | string | null>;

/**
 * Every item type (or the one coded `itemTypeCode`) with this category's cell for it, in one fixed
 * statement: every check-out, late return, renewal and hold asks (decision 020).
 */
function typesWithCells(client: RuleReader, categoryId: number, itemTypeCode?: string): Promise<TypeAndCellRow[]> {
  return client.$queryRaw<TypeAndCellRow[]>`
    SELECT t."id", t."code", t."name", r."id" AS "cellId", ${RULE_COLUMNS}
    FROM "ItemType" t LEFT JOIN "CirculationRule" r ON r."itemTypeId" = t."id" AND r."categoryId" = ${categoryId}
    ${itemTypeCode === undefined ? Prisma.empty : Prisma.sql`WHERE t."code" = ${itemTypeCode}`}`;
}

/** The rule a row resolves to. SQLite hands booleans back as 0 and 1. */
function typedRule(row: TypeAndCellRow, category: CategoryRule): TypedRule {
  const read = (prefix: (f: string) => string): RuleCell => ({
    ...Object.fromEntries(NUMBERS.map((f) => [f, row[prefix(f)] as number | null])),
    ...Object.fromEntries(FLAGS.map((f) => [f, row[prefix(f)] === null ? null : Boolean(row[prefix(f)])])),
  });
  const type = read((f) => f);
  const cell = row.cellId === null ? null : read(cellColumn);
  return { rule: resolveRule(category, type, cell), itemType: { code: row.code, name: row.name } };
}

/** The rule in force for every item type, for a patron of this category (whose own policy is `category`), by type code. */
export async function rulesForCategory(client: RuleReader, categoryId: number, category: CategoryRule): Promise<Map<string, TypedRule>> {
  const rows = await typesWithCells(client, categoryId);
  return new Map(rows.map((row) => [row.code, typedRule(row, category)]));
}

/** The rule in force for a copy of the type `itemTypeCode` lent to a patron of this category. */
export async function ruleFor(client: RuleReader, categoryId: number, category: CategoryRule, itemTypeCode: string): Promise<TypedRule> {
  const [row] = await typesWithCells(client, categoryId, itemTypeCode);
  if (!row) throw new DomainError("NOT_FOUND", `No item type has the code ${itemTypeCode}.`);
  return typedRule(row, category);
}
