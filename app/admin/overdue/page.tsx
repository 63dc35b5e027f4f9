import Link from "next/link";
import { SimplePagination } from "@/components/admin/simple-pagination";
import { PageHeader } from "@/components/ui/page-header";
import { overdueLoans } from "@/lib/circulation/overdue-loans";
import { formatDate, formatMoney, plural } from "@/lib/format";
import { requireStaff } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";

export const metadata = { title: "Overdue loans" };

export default async function OverduePage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  await requireStaff();
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const [{ loans, total, pages }, settings] = await Promise.all([overdueLoans(page), getLibrarySettings()]);
  return (
    <div>
      <PageHeader title="Overdue loans" description={plural(total, "overdue loan")} />
      {loans.length === 0 ? (
        <p>Nothing is overdue.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[40rem] border-collapse text-left text-sm">
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="py-2 pr-3">Patron</th>
                <th scope="col" className="py-2 pr-3">Title</th>
                <th scope="col" className="py-2 pr-3">Barcode</th>
                <th scope="col" className="py-2 pr-3">Due</th>
                <th scope="col" className="py-2 pr-3 text-right">Days late</th>
                <th scope="col" className="py-2 text-right">Fine so far</th>
              </tr>
            </thead>
            <tbody>
              {loans.map((loan) => (
                <tr key={loan.id} className="border-b border-stone-200">
                  <td className="py-2 pr-3">
                    {loan.patron ? (
                      <Link href={`/admin/circulation?patron=${loan.patron.id}`} className="text-brand-800 underline">
                        {loan.patron.name}
                      </Link>
                    ) : (
                      "—"
                    )}
                    {loan.patron && <span className="block text-xs text-stone-600">{loan.patron.cardNumber}</span>}
                  </td>
                  <td className="py-2 pr-3">{loan.title.title}</td>
                  <td className="py-2 pr-3 font-mono">{loan.barcode}</td>
                  <td className="py-2 pr-3">{formatDate(loan.dueAt, settings.timeZone)}</td>
                  <td className="py-2 pr-3 text-right">{loan.daysLate}</td>
                  <td className="py-2 text-right">{formatMoney(loan.fineCents, settings.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <SimplePagination page={page} pages={pages} href={(p) => `/admin/overdue?page=${p}`} />
    </div>
  );
}
