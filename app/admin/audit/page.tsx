import Link from "next/link";
import { AuditDescription } from "@/components/admin/audit-description";
import { SimplePagination } from "@/components/admin/simple-pagination";
import { type Column, DataTable } from "@/components/ui/data-table";
import { SelectField, TextField } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/filter-form";
import { PageHeader } from "@/components/ui/page-header";
import { type AuditContext, type AuditRefs, describeAuditEntry } from "@/lib/audit/describe-entry";
import { auditFilterSchema, listAudit } from "@/lib/audit/list-audit";
import { formatDateTime, plural } from "@/lib/format";
import { requireStaff } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";

export const metadata = { title: "Audit log" };

const RECORD_TYPES = ["Loan", "Copy", "Fine", "Payment", "Hold", "Title", "User"];

const anyOf = (values: string[]) => [{ value: "", label: "Any" }, ...values.map((value) => ({ value, label: value }))];

type Entry = Awaited<ReturnType<typeof listAudit>>["entries"][number];

const columns = (refs: AuditRefs, context: AuditContext): Column<Entry>[] => [
  { header: "When", cell: (e) => formatDateTime(e.createdAt, context.timeZone), className: "whitespace-nowrap" },
  {
    header: "Who",
    cell: (e) =>
      e.actor ? (
        <Link href={`/admin/patrons/${e.actor.id}`} className="font-medium text-brand-800 underline underline-offset-2">
          {e.actor.name}
        </Link>
      ) : (
        "No one named"
      ),
  },
  { header: "What happened", cell: (e) => <AuditDescription parts={describeAuditEntry(e, refs, context)} /> },
];

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requireStaff();
  const raw = await searchParams;
  const filter = auditFilterSchema.parse(raw);
  const [{ entries, refs, total, pages, actions }, settings] = await Promise.all([listAudit(filter), getLibrarySettings()]);
  const query = (page: number) => {
    const params = new URLSearchParams();
    for (const key of ["action", "entityType", "from", "to"] as const) if (filter[key]) params.set(key, filter[key]!);
    params.set("page", String(page));
    return `/admin/audit?${params}`;
  };
  return (
    <div className="space-y-6">
      <PageHeader title="Audit log" description={`${plural(total, "entry", "entries")}: who did what, to which record, when.`} />
      <FilterForm label="Audit log" className="sm:grid-cols-5 sm:items-end">
        <SelectField id="audit-action" label="Action" name="action" defaultValue={filter.action ?? ""} choices={anyOf(actions)} />
        <SelectField id="audit-type" label="Record type" name="entityType" defaultValue={filter.entityType ?? ""} choices={anyOf(RECORD_TYPES)} />
        <TextField id="audit-from" label="From" name="from" type="date" defaultValue={filter.from} />
        <TextField id="audit-to" label="To" name="to" type="date" defaultValue={filter.to} />
      </FilterForm>
      <DataTable rows={entries} columns={columns(refs, { timeZone: settings.timeZone, currency: settings.currency })} caption="Audit entries" />
      <SimplePagination page={filter.page} pages={pages} href={query} />
    </div>
  );
}
