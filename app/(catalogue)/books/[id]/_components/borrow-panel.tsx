import { Link } from "@/components/ui/link";
import { borrowAction, reserveAction } from "@/app/(catalogue)/books/[id]/actions";
import { patronTitleStatus } from "@/lib/circulation/patron-title-status";
import { formatDate } from "@/lib/format";
import { describeHold } from "@/lib/holds/statuses";
import type { SessionUser } from "@/lib/session";
import { TitleActionForm } from "@/components/circulation/title-action-form";

const linkClass = "font-medium text-brand-700 underline";

/** Borrow or reserve from the title page, or what the patron already has of this title. */
export async function BorrowPanel({ titleId, user, timeZone }: { titleId: number; user: SessionUser | null; timeZone: string }) {
  if (!user) {
    return (
      <p>
        <Link href={`/sign-in?callbackUrl=/books/${titleId}`} className={linkClass}>
          Sign in to borrow or reserve
        </Link>
      </p>
    );
  }
  const status = await patronTitleStatus(user.id, titleId);
  if (status.loan) {
    return (
      <p>
        On loan to you, due back {formatDate(status.loan.dueAt, timeZone)}.{" "}
        <Link href="/account/loans" className={linkClass}>
          My loans
        </Link>
      </p>
    );
  }
  if (status.hold?.status === "READY") {
    return (
      <div className="space-y-2">
        <p>{describeHold(status.hold, timeZone)}: it is waiting for you on the hold shelf.</p>
        <TitleActionForm action={borrowAction} titleId={titleId} label="Borrow" pendingText="Borrowing…" />
      </div>
    );
  }
  if (status.hold) {
    return (
      <p>
        You reserved this book. {describeHold(status.hold, timeZone)}.{" "}
        <Link href="/account/holds" className={linkClass}>
          My reservations
        </Link>
      </p>
    );
  }
  if (status.freeCopies > 0) {
    return (
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <TitleActionForm action={borrowAction} titleId={titleId} label="Borrow" pendingText="Borrowing…" />
        <TitleActionForm action={reserveAction} titleId={titleId} label="Reserve for pickup" pendingText="Reserving…" variant="secondary" />
      </div>
    );
  }
  return (
    <div className="space-y-2">
      <p>No copy is on the shelf right now. Reserve it and we will keep the next one for you.</p>
      <TitleActionForm action={reserveAction} titleId={titleId} label="Reserve" pendingText="Reserving…" />
    </div>
  );
}
