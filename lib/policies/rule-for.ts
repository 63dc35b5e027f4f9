import type { Tx } from "../db";
import { resolveRule, type CategoryRule, type ResolvedRule } from "./circulation-rule";

export type TypedRule = { rule: ResolvedRule; itemType: { code: string; name: string } };

type RuleReader = Pick<Tx, "itemType" | "circulationRule">;

/**
 * The rule in force for every item type, for a patron of this category (whose own policy is
 * `category`), by type code. A handful of types: one read of each table.
 */
export async function rulesForCategory(client: RuleReader, categoryId: number, category: CategoryRule): Promise<Map<string, TypedRule>> {
  const [types, cells] = await Promise.all([client.itemType.findMany(), client.circulationRule.findMany({ where: { categoryId } })]);
  return new Map(
    types.map((type) => [
      type.code,
      { rule: resolveRule(category, type, cells.find((c) => c.itemTypeId === type.id) ?? null), itemType: { code: type.code, name: type.name } },
    ]),
  );
}

/** The rule in force for a copy of the type `itemTypeCode` lent to a patron of this category. */
export async function ruleFor(client: RuleReader, categoryId: number, category: CategoryRule, itemTypeCode: string): Promise<TypedRule> {
  const type = await client.itemType.findUniqueOrThrow({ where: { code: itemTypeCode } });
  const cell = await client.circulationRule.findUnique({ where: { categoryId_itemTypeId: { categoryId, itemTypeId: type.id } } });
  return { rule: resolveRule(category, type, cell), itemType: { code: type.code, name: type.name } };
}
