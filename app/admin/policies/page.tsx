import { PolicyForm, type PolicyFormValues } from "@/app/admin/policies/_components/policy-form";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/lib/db";
import { formatMoney } from "@/lib/format";
import { DEFAULT_POLICY } from "@/lib/policies/policy";
import { centsToInput } from "@/lib/policies/schemas";
import { requireRole } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";

export const metadata = { title: "Circulation policies" };

const th = "px-3 py-2 text-left font-semibold text-stone-800";
const td = "px-3 py-2 tabular-nums";

export default async function PoliciesPage() {
  await requireRole("ADMIN");
  const [categories, settings] = await Promise.all([db.patronCategory.findMany({ orderBy: { name: "asc" } }), getLibrarySettings()]);
  const money = (cents: number) => formatMoney(cents, settings.currency);
  const formValues = (c: Omit<(typeof categories)[number], "id" | "code">): PolicyFormValues => ({
    ...c,
    fineDaily: centsToInput(c.fineDailyCents),
    fineCap: centsToInput(c.fineCapCents),
    blockThreshold: centsToInput(c.blockThresholdCents),
  });

  return (
    <div className="space-y-8">
      <PageHeader title="Circulation policies" description="Each patron category's rules. Changes apply to new loans, renewals and fines from now on." />
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
