import Link from "next/link";
import { cancelHoldAction } from "@/app/account/actions";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { PageHeader } from "@/components/ui/page-header";
import { formatDate } from "@/lib/format";
import { patronHolds } from "@/lib/holds/patron-holds";
import { describeHold } from "@/lib/holds/statuses";
import { requireUser } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";

export const metadata = { title: "Reservations" };

export default async function HoldsPage() {
  const user = await requireUser();
  const [holds, settings] = await Promise.all([patronHolds(user.id), getLibrarySettings()]);
  return (
    <div>
      <PageHeader title="My reservations" />
      {holds.length === 0 ? (
        <p>You have no reservations. Reserve a book from its page when every copy is out.</p>
      ) : (
        <ul className="space-y-4">
          {holds.map((hold) => (
            <li key={hold.id} className={`rounded-lg border bg-white p-4 ${hold.status === "READY" ? "border-emerald-400" : "border-stone-200"}`}>
              <h2 className="text-lg font-semibold">
                <Link href={`/books/${hold.title.id}`} className="text-brand-800 underline-offset-2 hover:underline">
                  {hold.title.title}
                </Link>
              </h2>
              <p className="text-stone-700">{hold.title.authorNames}</p>
              <p className="mt-2 font-medium">{describeHold(hold, settings.timeZone)}</p>
              <p className="text-sm text-stone-600">Reserved {formatDate(hold.placedAt, settings.timeZone)}</p>
              <div className="mt-3">
                <ConfirmAction
                  action={cancelHoldAction}
                  fields={{ holdId: hold.id }}
                  label="Cancel"
                  accessibleName={`Cancel reservation of ${hold.title.title}`}
                  question={
                    hold.status === "READY"
                      ? `Cancel your reservation of “${hold.title.title}”? The copy waiting for you goes to the next reader or back on the shelf, and you would have to reserve it again.`
                      : `Cancel your reservation of “${hold.title.title}”? You would lose your place in the queue.`
                  }
                  confirmLabel="Confirm cancel"
                  confirmName={`Confirm cancel reservation of ${hold.title.title}`}
                  cancelLabel="Keep reservation"
                  pendingText="Cancelling…"
                />
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
