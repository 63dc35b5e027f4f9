import { MissingSlip, type Paper, paperFrom, SlipLine, SlipPage } from "@/components/admin/desk/slip";
import { now } from "@/lib/clock";
import { loanSlip } from "@/lib/circulation/slips";
import { formatDate, formatDateTime, plural } from "@/lib/format";
import { requireStaff } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";

export const metadata = { title: "Check-out slip" };

const OFFERED: readonly Paper[] = ["receipt", "a4"];

type Props = { params: Promise<{ patronId: string }>; searchParams: Promise<{ paper?: string }> };

/** Printed after a check-out: everything on the patron's card, with its due date. */
export default async function LoanSlipPage({ params, searchParams }: Props) {
  await requireStaff();
  const id = Number((await params).patronId);
  const slip = Number.isInteger(id) && id > 0 ? await loanSlip(id) : null;
  if (!slip) return <MissingSlip title="Check-out slip" message="No such patron." />;
  const { name, timeZone } = await getLibrarySettings();
  const paper = paperFrom((await searchParams).paper, OFFERED);
  return (
    <SlipPage title="Check-out slip" paper={paper} offered={OFFERED} path={`/admin/circulation/slips/loans/${id}`}>
      <p className="text-center font-semibold">{name}</p>
      <p className="text-center">{formatDateTime(now(), timeZone)}</p>
      <dl className="mt-3 space-y-0.5">
        <SlipLine label="Patron">{slip.patron.name}</SlipLine>
        <SlipLine label="Card">{slip.patron.cardNumber}</SlipLine>
      </dl>
      <h2 className="mt-3 border-t border-dashed border-black pt-2 font-semibold">On loan: {plural(slip.loans.length, "item")}</h2>
      <ol className="mt-1 space-y-2">
        {slip.loans.map((loan) => (
          <li key={loan.id}>
            <p>{loan.title}</p>
            <p className="flex justify-between gap-3">
              <span>{loan.barcode}</span>
              <span className="font-semibold">Due {formatDate(loan.dueAt, timeZone)}</span>
            </p>
          </li>
        ))}
      </ol>
      <p className="mt-3 border-t border-dashed border-black pt-2 text-center">Renew online under My loans, or at the desk.</p>
    </SlipPage>
  );
}
