import Link from "next/link";
import { PrintButton } from "@/components/admin/inventory/print-button";
import { Notice } from "@/components/ui/notice";
import { code128Svg } from "@/lib/catalogue/barcode-svg";
import { db } from "@/lib/db";
import { requireStaff } from "@/lib/session";

export const metadata = { title: "Barcode labels" };

/** ?copies=1,2,3 or ?copies=1&copies=2 (the copies list's checkboxes). */
function copyIds(raw: string | string[] | undefined): number[] {
  const parts = (Array.isArray(raw) ? raw : [raw ?? ""]).flatMap((v) => v.split(","));
  return [...new Set(parts.map(Number).filter((n) => Number.isInteger(n) && n > 0))].slice(0, 500);
}

export default async function LabelsPage({ searchParams }: { searchParams: Promise<{ copies?: string | string[] }> }) {
  await requireStaff();
  const ids = copyIds((await searchParams).copies);
  const copies = ids.length
    ? await db.copy.findMany({ where: { id: { in: ids } }, orderBy: { barcode: "asc" }, select: { id: true, barcode: true, shelfLocation: true, title: { select: { title: true } } } })
    : [];
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <h1 className="font-serif text-2xl font-semibold">Barcode labels</h1>
        <div className="flex gap-3">
          <Link href="/admin/inventory" className="self-center text-brand-800 underline">
            Inventory
          </Link>
          {copies.length > 0 && <PrintButton />}
        </div>
      </div>
      {copies.length === 0 ? (
        <Notice>Select copies on a title&apos;s page, then choose “Print labels for the selected copies”.</Notice>
      ) : (
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3 print:grid-cols-3 print:gap-2">
          {copies.map((copy) => (
            <li key={copy.id} className="break-inside-avoid rounded border border-stone-400 bg-white p-3 text-black">
              <p className="truncate text-sm font-semibold">{copy.title.title}</p>
              <p className="text-xs">{copy.shelfLocation || "No shelf location"}</p>
              <div className="mt-2 h-14 [&_svg]:h-full [&_svg]:w-auto" role="img" aria-label={`Barcode ${copy.barcode}`} dangerouslySetInnerHTML={{ __html: code128Svg(copy.barcode) }} />
              <p className="font-mono text-lg tracking-widest">{copy.barcode}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
