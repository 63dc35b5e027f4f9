import { MissingSlip, type Paper, paperFrom, SlipLine, SlipPage } from "@/components/admin/desk/slip";
import { fineSlip } from "@/lib/circulation/slips";
import { formatDateTime, formatMoney } from "@/lib/format";
import { requireStaff } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";

export const metadata = { title: "Fine slip" };

const OFFERED: readonly Paper[] = ["receipt", "a4"];

type Props = { params: Promise<{ fineId: string }>; searchParams: Promise<{ paper?: string }> };

/** Printed after a late return: the fine charged and what the patron still owes in all. */
export default async function FineSlipPage({ params, searchParams }: Props) {
  await requireStaff();
  const id = Number((await params).fineId);
  const fine = Number.isInteger(id) && id > 0 ? await fineSlip(id) : null;
  if (!fine) return <MissingSlip title="Fine slip" message="No such fine." />;
  const { name, timeZone, currency } = await getLibrarySettings();
  const paper = paperFrom((await searchParams).paper, OFFERED);
  return (
    <SlipPage title="Fine slip" paper={paper} offered={OFFERED} path={`/admin/circulation/slips/fine/${id}`}>
      <p className="text-center font-semibold">{name}</p>
      <p className="text-center">{formatDateTime(fine.createdAt, timeZone)}</p>
      <dl className="mt-3 space-y-0.5">
        <SlipLine label="Patron">{fine.patron.name}</SlipLine>
        <SlipLine label="Card">{fine.patron.cardNumber}</SlipLine>
      </dl>
      <div className="mt-3 border-t border-dashed border-black pt-2">
        {fine.loan && (
          <p>
            Returned: {fine.loan.copy.title.title} ({fine.loan.copy.barcode})
          </p>
        )}
        <p>{fine.description}</p>
        <dl className="mt-2 space-y-0.5">
          <SlipLine label="Fine">{formatMoney(fine.amountCents, currency)}</SlipLine>
          <SlipLine label="Still owed">{formatMoney(fine.stillOwedCents, currency)}</SlipLine>
        </dl>
      </div>
      <p className="mt-3 border-t border-dashed border-black pt-2 text-center">Pay at the desk. Your account shows what you owe.</p>
    </SlipPage>
  );
}
