import Link from "next/link";
import { SimplePagination } from "@/components/admin/simple-pagination";
import { type Column, DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { overdueLoans } from "@/lib/circulation/overdue-loans";
import { formatDate, formatMoney, plural } from "@/lib/format";
import { requireStaff } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";

export const metadata = { title: "Overdue loans" };

type OverdueLoan = Awaited<ReturnType<typeof overdueLoans>>["loans"][number];

const columns = ({ timeZone, currency }: { timeZone: string; currency: string }): Column<OverdueLoan>[] => [
  {
    header: "Patron",
    cell: (loan) =>
      loan.patron ? (
        <>
          <Link href={`/admin/circulation?patron=${loan.patron.id}`} className="text-brand-800 underline">
            {loan.patron.name}
          </Link>
          <span className="block text-xs text-stone-600">{loan.patron.cardNumber}</span>
        </>
      ) : (
        "—"
      ),
  },
  { header: "Title", cell: (loan) => loan.title.title },
  { header: "Barcode", cell: (loan) => loan.barcode, className: "font-mono" },
  { header: "Due", cell: (loan) => formatDate(loan.dueAt, timeZone) },
  { header: "Days late", cell: (loan) => loan.daysLate, numeric: true },
  { header: "Fine so far", cell: (loan) => formatMoney(loan.fineCents, currency), numeric: true },
];

export default async function OverduePage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  await requireStaff();
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const [{ loans, total, pages }, settings] = await Promise.all([overdueLoans(page), getLibrarySettings()]);
  return (
    <div>
      <PageHeader title="Overdue loans" description={plural(total, "overdue loan")} />
      <DataTable empty="Nothing is overdue." rows={loans} columns={columns(settings)} caption="Overdue loans" />
      <SimplePagination page={page} pages={pages} href={(p) => `/admin/overdue?page=${p}`} />
    </div>
  );
}
