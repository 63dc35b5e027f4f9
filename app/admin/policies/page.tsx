import Link from "next/link";
import { ItemTypeForm } from "@/app/admin/policies/_components/item-type-form";
import { PolicyForm, type PolicyFormValues } from "@/app/admin/policies/_components/policy-form";
import { RuleForm, type RuleFormValues } from "@/app/admin/policies/_components/rule-form";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/lib/db";
import { formatMoney } from "@/lib/format";
import { resolveRuleWithSources, type RuleCell, type RuleSource } from "@/lib/policies/circulation-rule";
import { DEFAULT_POLICY } from "@/lib/policies/policy";
import { centsToInput } from "@/lib/policies/schemas";
import { requireRole } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";

export const metadata = { title: "Circulation policies" };

const th = "px-3 py-2 text-left font-semibold text-stone-800";
const td = "px-3 py-2 tabular-nums";

/** `?rule=<category id or "all">-<item type id>` opens that cell of the matrix for editing. */
export default async function PoliciesPage({ searchParams }: { searchParams: Promise<{ rule?: string }> }) {
  await requireRole("ADMIN");
  const [categories, types, cells, settings, { rule: ruleParam }] = await Promise.all([
    db.patronCategory.findMany({ orderBy: { name: "asc" } }),
    db.itemType.findMany({ orderBy: { name: "asc" } }),
    db.circulationRule.findMany(),
    getLibrarySettings(),
    searchParams,
  ]);
  const money = (cents: number) => formatMoney(cents, settings.currency);
  const formValues = (c: Omit<(typeof categories)[number], "id" | "code">): PolicyFormValues => ({
    ...c,
    fineDaily: centsToInput(c.fineDailyCents),
    fineCap: centsToInput(c.fineCapCents),
    blockThreshold: centsToInput(c.blockThresholdCents),
  });

  const cellOf = (categoryId: number, typeId: number) => cells.find((c) => c.categoryId === categoryId && c.itemTypeId === typeId) ?? null;
  const sourceWords: Record<RuleSource, string> = { cell: "this rule", type: "the item type's row", category: "the category's policy", library: "the library default" };
  const summary = (r: ReturnType<typeof resolveRuleWithSources>["rule"]) =>
    r.notForLoan
      ? "Library use only"
      : [`${r.loanPeriodDays} days`, `${money(r.fineDailyCents)}/day`, r.maxLoansOfType === null ? null : `at most ${r.maxLoansOfType}`, r.holdable ? null : "not reservable"].filter(Boolean).join(", ");
  // The "All categories" column says only what the type itself sets; the rest is each category's.
  const rowSummary = (t: (typeof types)[number]) =>
    t.notForLoan
      ? "Library use only"
      : [
          t.loanPeriodDays === null ? null : `${t.loanPeriodDays} days`,
          t.fineDailyCents === null ? null : `${money(t.fineDailyCents)}/day`,
          t.maxLoans === null ? null : `at most ${t.maxLoans}`,
          t.maxRenewals === null ? null : `${t.maxRenewals} renewals`,
          t.holdable ? null : "not reservable",
        ]
          .filter(Boolean)
          .join(", ") || "Each category's policy";
  // The cell being edited, with what each blank field would inherit.
  const [ruleCategory, ruleType] = (ruleParam ?? "").split("-");
  const editType = types.find((t) => String(t.id) === ruleType);
  const editCategory = ruleCategory === "all" ? null : categories.find((c) => String(c.id) === ruleCategory);
  const editing =
    editType && (ruleCategory === "all" || editCategory)
      ? (() => {
          const own: RuleCell | null = editCategory ? cellOf(editCategory.id, editType.id) : editType;
          const base = editCategory ?? categories[0] ?? DEFAULT_POLICY;
          const inheritedFrom = resolveRuleWithSources(base, editCategory ? editType : null, null);
          const i = inheritedFrom.rule;
          const from = (f: keyof typeof inheritedFrom.sources) => (editCategory ? ` (${sourceWords[inheritedFrom.sources[f]]})` : " (each category's policy)");
          const text = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(v));
          const yn = (v: boolean | null | undefined): RuleFormValues["holdable"] => (v === null || v === undefined ? "inherit" : v ? "yes" : "no");
          return {
            heading: editCategory ? `Rule for ${editCategory.name}, ${editType.name}` : `Rule for all categories, ${editType.name}`,
            categoryId: editCategory?.id ?? null,
            itemTypeId: editType.id,
            values: {
              loanPeriodDays: text(own?.loanPeriodDays),
              maxLoans: text(own?.maxLoans),
              maxRenewals: text(own?.maxRenewals),
              fineDaily: own?.fineDailyCents === null || own?.fineDailyCents === undefined ? "" : centsToInput(own.fineDailyCents),
              fineGraceDays: text(own?.fineGraceDays),
              fineCap: own?.fineCapCents === null || own?.fineCapCents === undefined ? "" : centsToInput(own.fineCapCents),
              // The default row's yes/no rules are stored; shown as set only when they differ from the library default.
              holdable: editCategory ? yn(own?.holdable) : editType.holdable ? "inherit" : "no",
              notForLoan: editCategory ? yn(own?.notForLoan) : editType.notForLoan ? "yes" : "inherit",
            } satisfies RuleFormValues,
            inherited: {
              loanPeriodDays: `${i.loanPeriodDays} days${from("loanPeriodDays")}`,
              maxLoans: `${i.maxLoansOfType ?? "no limit of its own"}${from("maxLoans")}`,
              maxRenewals: `${i.maxRenewals}${from("maxRenewals")}`,
              fineDaily: `${money(i.fineDailyCents)}${from("fineDailyCents")}`,
              fineGraceDays: `${i.fineGraceDays} days${from("fineGraceDays")}`,
              fineCap: `${money(i.fineCapCents)}${from("fineCapCents")}`,
              holdable: i.holdable ? "reservable" : "not reservable",
              notForLoan: i.notForLoan ? "library use only" : "for loan",
            },
          };
        })()
      : null;

  return (
    <div className="space-y-8">
      <PageHeader
        title="Circulation policies"
        description="Each patron category's rules, and the rules by item type. Changes apply to new loans; loans already out keep the terms they were made under."
      />
      {/* Focusable so keyboard users can scroll the wide table at 375 px. */}
      <div tabIndex={0} role="region" aria-label="Policies of every category" className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
        <table className="w-full min-w-[64rem] text-sm">
          <caption className="sr-only">Circulation policy of each patron category</caption>
          <thead className="bg-stone-50">
            <tr className="border-b border-stone-200">
              {["Category", "Loan period", "Max loans", "Renewals", "Fine per day", "Grace", "Fine cap", "Block at", "Max holds", "Pickup window", "Due-soon", "Overdue notices", "Card validity"].map((h) => (
                <th key={h} scope="col" className={th}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {categories.map((c) => (
              <tr key={c.id} className="border-b border-stone-100 last:border-0">
                <th scope="row" className={th}>
                  {c.name} <span className="font-mono text-xs text-stone-600">{c.code}</span>
                </th>
                <td className={td}>{c.loanPeriodDays} days</td>
                <td className={td}>{c.maxLoans}</td>
                <td className={td}>{c.maxRenewals}</td>
                <td className={td}>{money(c.fineDailyCents)}</td>
                <td className={td}>{c.fineGraceDays} days</td>
                <td className={td}>{money(c.fineCapCents)}</td>
                <td className={td}>{money(c.blockThresholdCents)}</td>
                <td className={td}>{c.maxHolds}</td>
                <td className={td}>{c.holdPickupDays} days</td>
                <td className={td}>{c.dueSoonDays} days</td>
                <td className={td}>{c.overdueNoticeDays}</td>
                <td className={td}>{c.cardValidityDays} days</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="matrix" className="space-y-3">
        <h2 id="matrix" className="text-lg font-semibold">
          Rules by item type
        </h2>
        <p className="text-sm text-stone-700">
          The most specific rule applies: a category&apos;s own rule for a type (in bold), then the type&apos;s rule for all categories, then the category&apos;s policy above.
        </p>
        <div tabIndex={0} role="region" aria-label="Rules by patron category and item type" className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full min-w-[40rem] text-sm">
            <caption className="sr-only">Circulation rule of each patron category for each item type</caption>
            <thead className="bg-stone-50">
              <tr className="border-b border-stone-200">
                <th scope="col" className={th}>
                  Item type
                </th>
                {[null, ...categories].map((c) => (
                  <th key={c?.id ?? "all"} scope="col" className={th}>
                    {c ? c.name : "All categories"}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {types.map((t) => (
                <tr key={t.id} className="border-b border-stone-100 last:border-0">
                  <th scope="row" className={th}>
                    {t.name} <span className="font-mono text-xs text-stone-600">{t.code}</span>
                  </th>
                  {[null, ...categories].map((c) => {
                    const cell = c ? cellOf(c.id, t.id) : null;
                    const name = `Edit rule: ${c ? c.name : "all categories"}, ${t.name}`;
                    return (
                      <td key={c?.id ?? "all"} className={td}>
                        <span className={cell || !c ? "font-medium" : "text-stone-600"}>{c ? summary(resolveRuleWithSources(c, t, cell).rule) : rowSummary(t)}</span>{" "}
                        <Link href={`/admin/policies?rule=${c?.id ?? "all"}-${t.id}#rule-editor`} aria-label={name} className="underline">
                          Edit
                        </Link>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {editing && (
        <section id="rule-editor" aria-labelledby="rule-editor-heading" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="rule-editor-heading" className="text-lg font-semibold">
            {editing.heading}
          </h2>
          <RuleForm key={ruleParam} {...editing} currency={settings.currency} />
        </section>
      )}
      <section aria-labelledby="item-types" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="item-types" className="text-lg font-semibold">
          Add an item type
        </h2>
        <p className="text-sm text-stone-700">Item types now: {types.map((t) => `${t.name} (${t.code})`).join(", ")}.</p>
        <ItemTypeForm />
      </section>
      {categories.map((c) => (
        <section key={c.id} aria-labelledby={`edit-${c.id}`} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
          <h2 id={`edit-${c.id}`} className="text-lg font-semibold">
            Edit {c.name}
          </h2>
          <PolicyForm categoryId={c.id} values={formValues(c)} currency={settings.currency} />
        </section>
      ))}
      <section aria-labelledby="new-category" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="new-category" className="text-lg font-semibold">
          Add a category
        </h2>
        <PolicyForm values={formValues({ name: "", ...DEFAULT_POLICY, cardValidityDays: 1095 })} currency={settings.currency} />
      </section>
    </div>
  );
}
