import { SimplePagination } from "@/components/admin/simple-pagination";
import { PageHeader } from "@/components/ui/page-header";
import { auditFilterSchema, listAudit } from "@/lib/audit/list-audit";
import { formatDateTime, plural } from "@/lib/format";
import { requireStaff } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";

export const metadata = { title: "Audit log" };

const RECORD_TYPES = ["Loan", "Copy", "Fine", "Payment", "Hold", "Title", "User"];

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requireStaff();
  const raw = await searchParams;
  const filter = auditFilterSchema.parse(raw);
  const [{ entries, total, pages, actions }, settings] = await Promise.all([listAudit(filter), getLibrarySettings()]);
  const query = (page: number) => {
    const params = new URLSearchParams();
    for (const key of ["action", "entityType", "from", "to"] as const) if (filter[key]) params.set(key, filter[key]!);
    params.set("page", String(page));
    return `/admin/audit?${params}`;
  };
  const control = "block w-full rounded-md border border-stone-400 bg-white px-3 py-2";
  return (
    <div className="space-y-6">
      <PageHeader title="Audit log" description={`${plural(total, "entry", "entries")}: who did what, to which record, when.`} />
      <form action="/admin/audit" className="grid gap-3 sm:grid-cols-5 sm:items-end">
        <div>
          <label htmlFor="audit-action" className="block text-sm font-medium">Action</label>
          <select id="audit-action" name="action" defaultValue={filter.action ?? ""} className={control}>
            <option value="">Any</option>
            {actions.map((a) => <option key={a}>{a}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="audit-type" className="block text-sm font-medium">Record type</label>
          <select id="audit-type" name="entityType" defaultValue={filter.entityType ?? ""} className={control}>
            <option value="">Any</option>
            {RECORD_TYPES.map((t) => <option key={t}>{t}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="audit-from" className="block text-sm font-medium">From</label>
          <input id="audit-from" name="from" type="date" defaultValue={filter.from} className={control} />
        </div>
        <div>
          <label htmlFor="audit-to" className="block text-sm font-medium">To</label>
          <input id="audit-to" name="to" type="date" defaultValue={filter.to} className={control} />
        </div>
        <button type="submit" className="min-h-10 rounded-md bg-brand-700 px-4 text-sm font-medium text-white hover:bg-brand-800">Filter</button>
      </form>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[40rem] border-collapse text-left text-sm">
          <thead>
            <tr className="border-b border-stone-300">
              <th scope="col" className="py-2 pr-3">When</th>
              <th scope="col" className="py-2 pr-3">Who</th>
              <th scope="col" className="py-2 pr-3">Action</th>
              <th scope="col" className="py-2 pr-3">Record</th>
              <th scope="col" className="py-2">Details</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} className="border-b border-stone-200 align-top">
                <td className="py-2 pr-3 whitespace-nowrap">{formatDateTime(e.createdAt, settings.timeZone)}</td>
                <td className="py-2 pr-3">{e.actor?.name ?? "System"}</td>
                <td className="py-2 pr-3 font-mono">{e.action}</td>
                <td className="py-2 pr-3">{e.entityType} {e.entityId}</td>
                <td className="py-2 font-mono text-xs break-all">{e.details}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <SimplePagination page={filter.page} pages={pages} href={query} />
    </div>
  );
}
