import { MissingSlip, type Paper, paperFrom, SlipPage } from "@/components/admin/desk/slip";
import { code128Svg } from "@/lib/catalogue/barcode-svg";
import { libraryCard } from "@/lib/circulation/slips";
import { formatDate } from "@/lib/format";
import { requireStaff } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";

export const metadata = { title: "Library card" };

const OFFERED: readonly Paper[] = ["card", "a4"];

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ paper?: string }> };

/** A patron's printable library card: the card number as a Code 128 barcode the desk scanners read. */
export default async function LibraryCardPage({ params, searchParams }: Props) {
  await requireStaff();
  const id = Number((await params).id);
  const patron = Number.isInteger(id) && id > 0 ? await libraryCard(id) : null;
  if (!patron) return <MissingSlip title="Library card" message="No such patron." />;
  const { name, timeZone } = await getLibrarySettings();
  const paper = paperFrom((await searchParams).paper, OFFERED);
  return (
    <SlipPage title="Library card" paper={paper} offered={OFFERED} path={`/admin/patrons/${id}/card`} printLabel="Print card">
      {/* On A4 the card keeps its size, to be cut out. */}
      <div className={paper === "a4" ? "h-[54mm] w-[85.6mm] overflow-hidden rounded-[3mm] border border-black p-[4mm]" : "h-full p-[4mm]"}>
        <p className="text-sm font-semibold">{name}</p>
        <p className="mt-1 text-lg font-bold leading-tight">{patron.name}</p>
        <p className="text-xs">
          {patron.category.name}
          {patron.expiresAt && ` · valid until ${formatDate(patron.expiresAt, timeZone)}`}
        </p>
        <div className="mt-2 h-[14mm] [&_svg]:h-full [&_svg]:w-auto" role="img" aria-label={`Barcode ${patron.cardNumber}`} dangerouslySetInnerHTML={{ __html: code128Svg(patron.cardNumber) }} />
        <p className="font-mono text-sm tracking-widest">{patron.cardNumber}</p>
      </div>
    </SlipPage>
  );
}
