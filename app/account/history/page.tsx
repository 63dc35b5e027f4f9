import Link from "next/link";
import { KeepHistoryForm } from "@/app/account/history/_components/keep-history-form";
import { PageHeader } from "@/components/ui/page-header";
import { loanHistory } from "@/lib/circulation/loan-history";
import { db } from "@/lib/db";
import { formatDate } from "@/lib/format";
import { requireUser } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";

export const metadata = { title: "Borrowing history" };

export default async function HistoryPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requireUser();
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const [history, settings, profile] = await Promise.all([
    loanHistory(user.id, page),
    getLibrarySettings(),
    db.user.findUniqueOrThrow({ where: { id: user.id }, select: { keepHistory: true } }),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader title="Borrowing history" />
      <KeepHistoryForm keepHistory={profile.keepHistory} />
      {history.loans.length === 0 ? (
        <p>No past loans {profile.keepHistory ? "yet" : "are kept"}.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[32rem] border-collapse text-left text-sm">
            <caption className="sr-only">Books you have returned</caption>
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="py-2 pr-4">Title</th>
                <th scope="col" className="py-2 pr-4">Borrowed</th>
                <th scope="col" className="py-2">Returned</th>
              </tr>
            </thead>
            <tbody>
              {history.loans.map((loan) => (
                <tr key={loan.id} className="border-b border-stone-200">
                  <td className="py-2 pr-4">
                    <Link href={`/books/${loan.copy.title.id}`} className="text-brand-800 underline">
                      {loan.copy.title.title}
                    </Link>
                  </td>
                  <td className="py-2 pr-4">{formatDate(loan.checkedOutAt, settings.timeZone)}</td>
                  <td className="py-2">{loan.returnedAt && formatDate(loan.returnedAt, settings.timeZone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
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
