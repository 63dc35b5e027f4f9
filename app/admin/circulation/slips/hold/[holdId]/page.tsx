import { MissingSlip, type Paper, paperFrom, SlipLine, SlipPage } from "@/components/admin/desk/slip";
import { holdSlip } from "@/lib/circulation/slips";
import { formatDate } from "@/lib/format";
import { requireStaff } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";

export const metadata = { title: "Hold shelf slip" };

const OFFERED: readonly Paper[] = ["receipt", "a4"];

type Props = { params: Promise<{ holdId: string }>; searchParams: Promise<{ paper?: string }> };

/** Put in the copy on the hold shelf: whose it is, and the last day they may collect it. */
export default async function HoldSlipPage({ params, searchParams }: Props) {
  await requireStaff();
  const id = Number((await params).holdId);
  const hold = Number.isInteger(id) && id > 0 ? await holdSlip(id) : null;
  if (!hold) return <MissingSlip title="Hold shelf slip" message="No such hold." />;
  const { name, timeZone } = await getLibrarySettings();
  const paper = paperFrom((await searchParams).paper, OFFERED);
  return (
    <SlipPage title="Hold shelf slip" paper={paper} offered={OFFERED} path={`/admin/circulation/slips/hold/${id}`}>
      <p className="text-center font-semibold">{name}: hold shelf</p>
      <p className="mt-3 text-center text-xl font-bold">{hold.patron.name}</p>
      <dl className="mt-3 space-y-0.5">
        <SlipLine label="Card">{hold.patron.cardNumber}</SlipLine>
        <SlipLine label="Pick up by">{hold.expiresAt ? formatDate(hold.expiresAt, timeZone) : "not set"}</SlipLine>
      </dl>
      <p className="mt-3 border-t border-dashed border-black pt-2">
        {hold.title.title}
        {hold.copy && ` (${hold.copy.barcode})`}
      </p>
    </SlipPage>
  );
}
