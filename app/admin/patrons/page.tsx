import Link from "next/link";
import { SimplePagination } from "@/components/admin/simple-pagination";
import { PatronsTable } from "@/components/admin/patrons/patrons-table";
import { buttonClass } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/filter-form";
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

const FILTER_CHOICES = [
  { value: "overdue", label: "With overdue loans" },
  { value: "fines", label: "Owing fines" },
  { value: "expired", label: "Card expired" },
];

const ACCOUNT_CHOICES = [
  { value: "", label: "Any" },
  { value: "active", label: "Active" },
  { value: "blocked", label: "Blocked" },
];

export default async function PatronsPage({ searchParams }: { searchParams: Promise<Params> }) {
  await requireStaff();
  const options = parsePatronListParams(await searchParams);
  const [result, categories, settings] = await Promise.all([
    listPatrons(options),
    db.patronCategory.findMany({ orderBy: { name: "asc" }, select: { code: true, name: true } }),
    getLibrarySettings(),
  ]);
  const categoryChoices = [{ value: "", label: "All" }, ...categories.map((c) => ({ value: c.code, label: c.name }))];
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
      <FilterForm
        label="Patrons"
        keep={{ sort: options.sort !== "name" ? options.sort : undefined, dir: options.dir === "desc" ? "desc" : undefined }}
        className="sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto] lg:items-end"
      >
        <TextField id="patrons-q" label="Name, email or card" name="q" type="search" defaultValue={options.q} />
        <SelectField id="patrons-filter" label="Show" name="filter" defaultValue={options.filter ?? ""} choices={[{ value: "", label: "Everyone" }, ...FILTER_CHOICES]} />
        <SelectField id="patrons-status" label="Account" name="status" defaultValue={options.status?.toLowerCase() ?? ""} choices={ACCOUNT_CHOICES} />
        <SelectField id="patrons-category" label="Category" name="category" defaultValue={options.category ?? ""} choices={categoryChoices} />
      </FilterForm>
      {rows.length === 0 ? (
        <Notice>No patrons match. Try fewer words or another filter.</Notice>
      ) : (
        <PatronsTable rows={rows} options={{ ...options, page: result.page }} />
      )}
      <SimplePagination page={result.page} pages={result.pageCount} href={(page) => patronListHref({ ...options, page })} />
    </div>
  );
}
