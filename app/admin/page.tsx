import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { formatDate, formatMoney } from "@/lib/format";
import { overview } from "@/lib/reports/overview";
import { requireStaff } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";

export const metadata = { title: "Staff dashboard" };

function Figure({ label, value, href, hint }: { label: string; value: string; href: string; hint: string }) {
  return (
    <li>
      <Link href={href} className="block h-full rounded-lg border border-stone-200 bg-white p-4 hover:border-brand-600 hover:bg-brand-50 focus-visible:outline-2">
        <span className="block text-sm font-medium text-stone-700">{label}</span>
        <span className="mt-1 block text-3xl font-semibold tabular-nums text-stone-900">{value}</span>
        <span className="mt-1 block text-sm text-brand-800 underline">{hint}</span>
      </Link>
    </li>
  );
}

export default async function AdminOverviewPage() {
  const user = await requireStaff();
  const [figures, settings] = await Promise.all([overview(), getLibrarySettings()]);
  const n = (v: number) => v.toLocaleString("en-US");
  return (
    <div className="space-y-8">
      <PageHeader title="Staff dashboard" description={`Signed in as ${user.name} (${user.role.toLowerCase()}). Today is counted in ${settings.timeZone}.`} />
      <section aria-labelledby="today-heading">
        <h2 id="today-heading" className="mb-3 text-lg font-semibold text-stone-900">
          At a glance
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <Figure label="Loans today" value={n(figures.loansToday)} href="/admin/circulation" hint="Open the circulation desk" />
          <Figure label="Returns today" value={n(figures.returnsToday)} href="/admin/circulation" hint="Check in at the desk" />
          <Figure label="Overdue loans" value={n(figures.overdue)} href="/admin/overdue" hint="See overdue loans" />
          <Figure label="Holds ready for pickup" value={n(figures.holdsReady)} href="/admin/holds" hint="See the hold shelf" />
          <Figure label="Fines outstanding" value={formatMoney(figures.finesOutstandingCents, settings.currency)} href="/admin/patrons?filter=fines" hint="See patrons who owe fines" />
        </ul>
      </section>
      <section aria-labelledby="newest-heading">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="newest-heading" className="text-lg font-semibold text-stone-900">
            Newest titles
          </h2>
          <Link href="/admin/inventory?sort=added&dir=desc" className="text-sm font-medium text-brand-800 underline">
            All titles, newest first
          </Link>
        </div>
        {figures.newestTitles.length === 0 ? (
          <p className="text-stone-700">No titles yet.</p>
        ) : (
          <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
            {figures.newestTitles.map((t) => (
              <li key={t.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-2">
                <span>
                  <Link href={`/admin/inventory/${t.id}`} className="font-medium text-brand-800 underline-offset-2 hover:underline">
                    {t.title}
                  </Link>
                  {t.authorNames && <span className="text-stone-700"> — {t.authorNames}</span>}
                </span>
                <span className="text-sm text-stone-600">Added {formatDate(t.createdAt, settings.timeZone)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
