import Link from "next/link";
import { DeskForm } from "@/components/admin/desk/desk-form";
import { RecordActionButton } from "@/components/account/record-action-button";
import { PageHeader } from "@/components/ui/page-header";
import { formatDate, plural } from "@/lib/format";
import { staffHolds } from "@/lib/holds/staff-holds";
import { requireStaff } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";
import { cancelHoldByLibraryAction, confirmOnHoldShelfAction } from "./actions";

export const metadata = { title: "Holds" };

export default async function StaffHoldsPage() {
  await requireStaff();
  const [{ pullList, holdShelf, queues }, settings] = await Promise.all([staffHolds(), getLibrarySettings()]);
  return (
    <div className="space-y-10">
      <PageHeader title="Holds" />
      <section aria-labelledby="pull-heading">
        <h2 id="pull-heading" className="mb-2 text-xl font-semibold">Copies to fetch for holds ({pullList.length})</h2>
        {pullList.length === 0 ? (
          <p>Nothing to fetch.</p>
        ) : (
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {pullList.map((hold) => (
              <li key={hold.id} className="flex flex-wrap items-start justify-between gap-3 p-3">
                <div>
                  <p className="font-medium">{hold.title.title}</p>
                  <p className="text-sm text-stone-700">
                    Shelf: {hold.copy?.shelfLocation} · copy {hold.copy?.barcode} · for {hold.patron.name} ({hold.patron.cardNumber})
                  </p>
                </div>
                <RecordActionButton action={confirmOnHoldShelfAction} field="holdId" id={hold.id} label="Confirm on hold shelf" accessibleName={`Confirm on hold shelf: ${hold.title.title} for ${hold.patron.name}`} pendingText="Confirming…" variant="primary" />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="shelf-heading">
        <h2 id="shelf-heading" className="mb-2 text-xl font-semibold">Hold shelf ({holdShelf.length})</h2>
        {holdShelf.length === 0 ? (
          <p>The hold shelf is empty.</p>
        ) : (
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {holdShelf.map((hold) => (
              <li key={hold.id} className="space-y-2 p-3">
                <p className="font-medium">{hold.title.title}</p>
                <p className="text-sm text-stone-700">
                  Copy {hold.copy?.barcode} · for {hold.patron.name} ({hold.patron.cardNumber}) · pickup by {hold.expiresAt ? formatDate(hold.expiresAt, settings.timeZone) : "—"}
                </p>
                <details>
                  <summary className="cursor-pointer text-sm font-medium text-brand-700">Cancel this reservation</summary>
                  <div className="mt-2">
                    <DeskForm action={cancelHoldByLibraryAction} fields={[{ name: "reason", label: `Why cancel ${hold.title.title} for ${hold.patron.name}?` }]} hidden={{ holdId: hold.id }} submitLabel={`Cancel reservation of ${hold.title.title} for ${hold.patron.name}`} pendingText="Cancelling…" />
                  </div>
                </details>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="queues-heading">
        <h2 id="queues-heading" className="mb-2 text-xl font-semibold">Queues</h2>
        {queues.length === 0 ? (
          <p>Nobody is waiting.</p>
        ) : (
          <ul className="space-y-1">
            {queues.map((q) => (
              <li key={q.titleId}>
                <Link href={`/books/${q.titleId}`} className="text-brand-800 underline">{q.title}</Link>: {plural(q.waiting, "patron")} waiting
                {q.since && ` since ${formatDate(q.since, settings.timeZone)}`}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
