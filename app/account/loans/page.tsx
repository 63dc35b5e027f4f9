import { headers } from "next/headers";
import Link from "next/link";
import { renewAllLoansAction, renewLoanAction, replaceCalendarAddressAction, returnLoanAction } from "@/app/account/actions";
import { CalendarFeed } from "@/components/account/calendar-feed";
import { RecordActionButton } from "@/components/account/record-action-button";
import { RenewAllButton } from "@/components/account/renew-all-button";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { calendarFeedPath } from "@/lib/calendar/calendar-address";
import { SELF_RETURN_OFF } from "@/lib/circulation/check-in";
import { dueInWords } from "@/lib/circulation/due-words";
import { currentLoans } from "@/lib/circulation/patron-loans";
import { now } from "@/lib/clock";
import { formatDate, formatMoney, plural } from "@/lib/format";
import { originOf } from "@/lib/http/same-origin";
import { requireUser } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";

export const metadata = { title: "Loans" };

export default async function LoansPage({ searchParams }: { searchParams: Promise<{ returned?: string; fine?: string }> }) {
  const user = await requireUser();
  const { returned, fine } = await searchParams;
  const fineCents = Number(fine);
  const [loans, settings, feedPath] = await Promise.all([currentLoans(user.id), getLibrarySettings(), calendarFeedPath(user.id)]);
  const calendarAddress = originOf(await headers()) + feedPath;
  const at = now();
  return (
    <div>
      <PageHeader title="My loans" description={loans.length ? `${plural(loans.length, "book")} on loan.` : undefined} />
      {loans.length > 0 && !settings.selfServiceReturn && (
        <Notice tone="info" className="mb-4">
          {SELF_RETURN_OFF} A book is off your account once it is checked in there.
        </Notice>
      )}
      {returned && (
        <Notice tone="success" className="mb-4">
          Returned “{returned.slice(0, 300)}”.
          {Number.isInteger(fineCents) && fineCents > 0 && ` It was late: a fine of ${formatMoney(fineCents, settings.currency)} was added.`}
        </Notice>
      )}
      {loans.length === 0 ? (
        <p>
          You have nothing on loan.{" "}
          <Link href="/search" className="font-medium text-brand-700 underline">
            Find something to read
          </Link>
        </p>
      ) : (
        <>
          <div className="mb-4">
            <RenewAllButton action={renewAllLoansAction} />
          </div>
          <ul className="space-y-4">
            {loans.map((loan) => (
              <li key={loan.id} className={`rounded-lg border bg-white p-4 ${loan.daysOverdue > 0 ? "border-red-300" : "border-stone-200"}`}>
                <h2 className="text-lg font-semibold">
                  <Link href={`/books/${loan.title.id}`} className="text-brand-800 underline-offset-2 hover:underline">
                    {loan.title.title}
                  </Link>
                </h2>
                <p className="text-stone-700">{loan.title.authorNames}</p>
                <p className="mt-2">
                  {loan.daysOverdue > 0 ? (
                    <strong className="text-red-800">
                      {dueInWords(loan.dueAt, at, settings.timeZone)} (was due {formatDate(loan.dueAt, settings.timeZone)})
                      {loan.accruingFineCents > 0 && ` · fine so far ${formatMoney(loan.accruingFineCents, settings.currency)}`}
                    </strong>
                  ) : (
                    <>
                      <strong>{dueInWords(loan.dueAt, at, settings.timeZone)}</strong> · due back {formatDate(loan.dueAt, settings.timeZone)}
                    </>
                  )}
                </p>
                <p className="text-sm text-stone-600">
                  {loan.renewalsLeft > 0 ? `${plural(loan.renewalsLeft, "renewal")} left` : "No renewals left"} · copy {loan.barcode}
                </p>
                <div className="mt-3 flex flex-wrap items-start gap-3">
                  {loan.renewalRefusal ? (
                    // Disabled with the refusal beside it, so the patron learns why before tapping.
                    <div className="max-w-prose space-y-2">
                      <Button variant="secondary" disabled aria-label={`Renew ${loan.title.title}`} aria-describedby={`renew-refusal-${loan.id}`}>
                        Renew
                      </Button>
                      <p id={`renew-refusal-${loan.id}`} className="text-sm text-stone-700">
                        {loan.renewalRefusal}
                      </p>
                    </div>
                  ) : (
                    <RecordActionButton action={renewLoanAction} field="loanId" id={loan.id} label="Renew" accessibleName={`Renew ${loan.title.title}`} pendingText="Renewing…" />
                  )}
                  {settings.selfServiceReturn && (
                    <ConfirmAction
                      action={returnLoanAction}
                      fields={{ loanId: loan.id }}
                      label="Return"
                      accessibleName={`Return ${loan.title.title}`}
                      question={
                        <>
                          Return “{loan.title.title}” now? Only if the book is back at the library or in the book drop: it is taken off your account and may go to the next reader.
                          {loan.daysOverdue > 0 &&
                            ` It is ${plural(loan.daysOverdue, "day")} overdue${loan.accruingFineCents > 0 ? `, so a fine of ${formatMoney(loan.accruingFineCents, settings.currency)} will be charged` : ""}.`}
                        </>
                      }
                      confirmLabel="Confirm return"
                      confirmName={`Confirm return of ${loan.title.title}`}
                      confirmVariant="primary"
                      pendingText="Returning…"
                    />
                  )}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      <CalendarFeed address={calendarAddress} replaceAction={replaceCalendarAddressAction} />
    </div>
  );
}
