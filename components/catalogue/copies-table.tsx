import type { TitleCopy } from "@/lib/catalogue/get-title";
import { formatDate } from "@/lib/format";
import type { CopyStatus } from "@/lib/generated/sqlite/enums";

const STATUS_WORDS: Record<CopyStatus, string> = {
  AVAILABLE: "On the shelf",
  ON_LOAN: "On loan",
  ON_HOLD_SHELF: "Waiting on the hold shelf",
  LOST: "Lost",
  DAMAGED: "Being repaired",
  WITHDRAWN: "Withdrawn",
};

export function CopiesTable({ copies, timeZone }: { copies: TitleCopy[]; timeZone: string }) {
  if (copies.length === 0) return <p className="text-stone-700">The library holds no copies of this title.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Copies of this title</caption>
        <thead className="bg-stone-50 text-stone-700">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">
              Barcode
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Type
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Shelf
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              Status
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-200">
          {copies.map((copy) => (
            <tr key={copy.id}>
              <td className="px-4 py-2 font-mono">{copy.barcode}</td>
              <td className="px-4 py-2">
                {copy.itemType.name}
                {copy.itemType.notForLoan && <span className="text-stone-600"> · library use only</span>}
              </td>
              <td className="px-4 py-2">{copy.shelfLocation || "—"}</td>
              <td className="px-4 py-2">
                {STATUS_WORDS[copy.status]}
                {copy.status === "ON_LOAN" && copy.dueAt && <span className="text-stone-600"> · due {formatDate(copy.dueAt, timeZone)}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
