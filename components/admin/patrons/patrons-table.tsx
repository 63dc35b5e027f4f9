"use client";

import { createColumnHelper, rowSortingFeature, type SortingState, tableFeatures, useTable } from "@tanstack/react-table";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type PatronListOptions, type PatronSort, patronListHref } from "@/lib/patrons/patron-list-options";

// TanStack Table v9 with sorting done by the server: the URL's sort is the table's state, and a
// header click becomes a new URL (the page reloads its rows from the database).

/** A row as the server page hands it over (dates and money already formatted). */
export type PatronTableRow = {
  id: number;
  name: string;
  role: string;
  cardNumber: string;
  email: string;
  category: string;
  loans: number;
  overdue: number;
  holds: number;
  fines: string;
  owes: boolean;
  status: "ACTIVE" | "BLOCKED";
  blockedReason: string | null;
  expires: string;
  expired: boolean;
};

const features = tableFeatures({ rowSortingFeature });
const helper = createColumnHelper<typeof features, PatronTableRow>();
const SORTABLE: Record<string, PatronSort> = { name: "name", cardNumber: "card", email: "email", category: "category", loans: "loans", overdue: "overdue", holds: "holds", fines: "fines", expires: "expires" };
const NUMERIC = new Set(["loans", "overdue", "holds", "fines"]);

const columns = helper.columns([
  helper.accessor("name", {
    header: "Name",
    cell: ({ row }) => (
      <div>
        <Link href={`/admin/patrons/${row.original.id}`} className="font-medium text-brand-800 underline-offset-2 hover:underline">
          {row.original.name}
        </Link>
        {row.original.role !== "PATRON" && <div className="text-sm text-stone-600">{row.original.role === "ADMIN" ? "Administrator" : "Librarian"}</div>}
      </div>
    ),
  }),
  helper.accessor("cardNumber", { header: "Card", cell: ({ getValue }) => <span className="font-mono">{getValue()}</span> }),
  helper.accessor("email", { header: "Email", cell: ({ getValue }) => <span className="break-all">{getValue()}</span> }),
  helper.accessor("category", { header: "Category" }),
  helper.accessor("loans", { header: "Loans" }),
  helper.accessor("overdue", { header: "Overdue", cell: ({ getValue }) => (getValue() > 0 ? <strong className="text-red-800">{getValue()}</strong> : 0) }),
  helper.accessor("holds", { header: "Holds" }),
  helper.accessor("fines", { header: "Fines owed", cell: ({ row }) => (row.original.owes ? <strong className="text-red-800">{row.original.fines}</strong> : row.original.fines) }),
  helper.accessor("status", {
    header: "Account",
    enableSorting: false,
    cell: ({ row }) =>
      row.original.status === "BLOCKED" ? (
        <div>
          <strong className="text-red-800">Blocked</strong>
          {row.original.blockedReason && <div className="text-sm text-stone-600">{row.original.blockedReason}</div>}
        </div>
      ) : (
        "Active"
      ),
  }),
  helper.accessor("expires", { header: "Card expires", cell: ({ row }) => (row.original.expired ? <strong className="text-red-800">Expired {row.original.expires}</strong> : row.original.expires) }),
]);

export function PatronsTable({ rows, options }: { rows: PatronTableRow[]; options: PatronListOptions }) {
  const router = useRouter();
  const columnOf = Object.entries(SORTABLE).find(([, sort]) => sort === options.sort)?.[0];
  const sorting: SortingState = columnOf ? [{ id: columnOf, desc: options.dir === "desc" }] : [];
  const table = useTable({
    features,
    columns,
    data: rows,
    state: { sorting },
    manualSorting: true,
    enableSortingRemoval: false,
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      const sort = next[0] ? SORTABLE[next[0].id] : undefined;
      if (sort) router.push(patronListHref({ ...options, sort, dir: next[0].desc ? "desc" : "asc", page: 1 }));
    },
  });

  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="w-full min-w-[64rem] border-collapse text-left text-sm">
        <caption className="sr-only">Patrons and their borrowing status, sorted by {options.sort} ({options.dir === "desc" ? "descending" : "ascending"})</caption>
        <thead className="bg-stone-50">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} className="border-b border-stone-200">
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const canSort = header.column.id in SORTABLE;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={canSort ? (sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none") : undefined}
                    className={`px-3 py-2 font-semibold text-stone-800 ${NUMERIC.has(header.column.id) ? "text-right" : ""}`}
                  >
                    {canSort ? (
                      <button type="button" onClick={header.column.getToggleSortingHandler()} className="inline-flex min-h-10 items-center gap-1 font-semibold text-stone-900 hover:text-brand-800">
                        <table.FlexRender header={header} />
                        <span aria-hidden>{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}</span>
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className="border-b border-stone-100 align-top last:border-0">
              {row.getAllCells().map((cell) => (
                <td key={cell.id} className={`px-3 py-2 ${NUMERIC.has(cell.column.id) ? "text-right tabular-nums" : ""}`}>
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
