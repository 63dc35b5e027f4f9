import Link from "next/link";
import { SimplePagination } from "@/components/admin/simple-pagination";
import { PatronsTable } from "@/components/admin/patrons/patrons-table";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/lib/db";
import { formatDate, formatMoney, plural } from "@/lib/format";
import { listPatrons } from "@/lib/patrons/list-patrons";
import { parsePatronListParams, patronListHref } from "@/lib/patrons/patron-list-options";
import { now } from "@/lib/clock";
import { requireStaff } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";

export const metadata = { title: "Patrons" };

type Params = Record<string, string | string[] | undefined>;

const FILTER_LABELS = { overdue: "With overdue loans", fines: "Owing fines", expired: "Card expired" } as const;

export default async function PatronsPage({ searchParams }: { searchParams: Promise<Params> }) {
  await requireStaff();
  const options = parsePatronListParams(await searchParams);
  const [result, categories, settings] = await Promise.all([
    listPatrons(options),
    db.patronCategory.findMany({ orderBy: { name: "asc" }, select: { code: true, name: true } }),
    getLibrarySettings(),
  ]);
  const at = now();
  const rows = result.rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role,
    cardNumber: r.cardNumber,
    email: r.email,
    category: r.category,
    loans: r.loans,
    overdue: r.overdue,
    holds: r.holds,
    fines: formatMoney(r.finesOwedCents, settings.currency),
    owes: r.finesOwedCents > 0,
    status: r.status,
    blockedReason: r.blockedReason,
    expires: r.expiresAt ? formatDate(r.expiresAt, settings.timeZone) : "—",
    expired: r.expiresAt !== null && r.expiresAt <= at,
  }));
  const filtered = Boolean(options.q || options.status || options.category || options.filter);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Patrons"
        description={`${plural(result.total, "account")}${filtered ? " match" : ""}.`}
        actions={
          <Link href="/admin/patrons/import" className={buttonClass("secondary")}>
            Import patrons (CSV)
          </Link>
        }
      />
      <form role="search" aria-label="Patrons" className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto] lg:items-end">
        <div className="space-y-1">
          <label htmlFor="patrons-q" className="block text-sm font-medium text-stone-800">
            Name, email or card
          </label>
          <input id="patrons-q" name="q" type="search" defaultValue={options.q} className={inputClass} />
        </div>
        <div className="space-y-1">
          <label htmlFor="patrons-filter" className="block text-sm font-medium text-stone-800">
            Show
          </label>
          <select id="patrons-filter" name="filter" defaultValue={options.filter ?? ""} className={inputClass}>
            <option value="">Everyone</option>
            {Object.entries(FILTER_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="patrons-status" className="block text-sm font-medium text-stone-800">
            Account
          </label>
          <select id="patrons-status" name="status" defaultValue={options.status?.toLowerCase() ?? ""} className={inputClass}>
            <option value="">Any</option>
            <option value="active">Active</option>
            <option value="blocked">Blocked</option>
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="patrons-category" className="block text-sm font-medium text-stone-800">
            Category
          </label>
          <select id="patrons-category" name="category" defaultValue={options.category ?? ""} className={inputClass}>
            <option value="">All</option>
            {categories.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        {options.sort !== "name" && <input type="hidden" name="sort" value={options.sort} />}
        {options.dir === "desc" && <input type="hidden" name="dir" value="desc" />}
        <button type="submit" className={buttonClass("primary")}>
          Filter
        </button>
      </form>
      {rows.length === 0 ? (
        <Notice>No patrons match. Try fewer words or another filter.</Notice>
      ) : (
        <PatronsTable rows={rows} options={{ ...options, page: result.page }} />
      )}
      <SimplePagination page={result.page} pages={result.pageCount} href={(page) => patronListHref({ ...options, page })} />
    </div>
  );
}
