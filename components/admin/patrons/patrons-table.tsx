"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { ServerSortedTable, type SortedTableDefinition, serverSortedFeatures } from "@/components/ui/server-sorted-table";
import { type PatronListOptions, type PatronSort, patronListHref } from "@/lib/patrons/patron-list-options";

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

const helper = createColumnHelper<typeof serverSortedFeatures, PatronTableRow>();
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

const TABLE: SortedTableDefinition<PatronTableRow, PatronSort> = { columns, sortable: SORTABLE, numeric: NUMERIC, minWidth: "min-w-[64rem]" };

export function PatronsTable({ rows, options }: { rows: PatronTableRow[]; options: PatronListOptions }) {
  const caption = `Patrons and their borrowing status, sorted by ${options.sort} (${options.dir === "desc" ? "descending" : "ascending"})`;
  return <ServerSortedTable table={TABLE} rows={rows} order={options} hrefFor={(sort, dir) => patronListHref({ ...options, sort, dir, page: 1 })} caption={caption} />;
}
