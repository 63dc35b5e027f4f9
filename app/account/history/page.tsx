import Link from "next/link";
import { KeepForeverForm } from "@/app/account/history/_components/keep-forever-form";
import { KeepHistoryForm } from "@/app/account/history/_components/keep-history-form";
import { type Column, DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { loanHistory } from "@/lib/circulation/loan-history";
import { db } from "@/lib/db";
import { formatDate } from "@/lib/format";
import { requireUser } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";

export const metadata = { title: "History" };

type PastLoan = Awaited<ReturnType<typeof loanHistory>>["loans"][number];

const columns = (timeZone: string): Column<PastLoan>[] => [
  {
    header: "Title",
    cell: (loan) => (
      <Link href={`/books/${loan.copy.title.id}`} className="text-brand-800 underline">
        {loan.copy.title.title}
      </Link>
    ),
  },
  { header: "Borrowed", cell: (loan) => formatDate(loan.checkedOutAt, timeZone) },
  { header: "Returned", cell: (loan) => loan.returnedAt && formatDate(loan.returnedAt, timeZone) },
];

export default async function HistoryPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requireUser();
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const [history, settings, profile] = await Promise.all([
    loanHistory(user.id, page),
    getLibrarySettings(),
    db.user.findUniqueOrThrow({ where: { id: user.id }, select: { keepHistory: true, keepHistoryForever: true } }),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader title="Borrowing history" />
      <KeepHistoryForm keepHistory={profile.keepHistory} returned={history.total} />
      {profile.keepHistory && settings.anonymiseLoansAfterDays && <KeepForeverForm days={settings.anonymiseLoansAfterDays} forever={profile.keepHistoryForever} />}
      {history.loans.length === 0 ? (
        <p>No past loans {profile.keepHistory ? "yet" : "are kept"}.</p>
      ) : (
        <div>
          <DataTable rows={history.loans} columns={columns(settings.timeZone)} caption="Books you have returned" minWidth="sm:min-w-[32rem]" />
          {history.pages > 1 && (
            <nav aria-label="History pages" className="mt-4 flex gap-4">
              {page > 1 && <Link href={`/account/history?page=${page - 1}`} className="text-brand-700 underline">Newer</Link>}
              {page < history.pages && <Link href={`/account/history?page=${page + 1}`} className="text-brand-700 underline">Older</Link>}
            </nav>
          )}
        </div>
      )}
    </div>
  );
}
