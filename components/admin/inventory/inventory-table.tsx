"use client";

import { createColumnHelper } from "@tanstack/react-table";
import Link from "next/link";
import { Cover } from "@/components/catalogue/cover";
import { ServerSortedTable, type SortedTableDefinition, serverSortedFeatures } from "@/components/ui/server-sorted-table";
import { type InventoryOptions, type InventorySort, inventoryHref } from "@/lib/catalogue/inventory-options";
import type { InventoryRow } from "@/lib/catalogue/list-inventory";

const helper = createColumnHelper<typeof serverSortedFeatures, InventoryRow>();
const SORTABLE: Record<string, InventorySort> = { title: "title", authorNames: "author", isbn13: "isbn" };

const columns = helper.columns([
  helper.display({ id: "cover", header: () => <span className="sr-only">Cover</span>, cell: ({ row }) => <Cover id={row.original.id} coverPath={row.original.coverPath} />, enableSorting: false }),
  helper.accessor("title", {
    header: "Title",
    cell: ({ row }) => (
      <div>
        <Link href={`/admin/inventory/${row.original.id}`} className="font-medium text-brand-800 underline-offset-2 hover:underline">
          {row.original.title}
        </Link>
        {row.original.subtitle && <div className="text-sm text-stone-600">{row.original.subtitle}</div>}
        {row.original.withdrawn && <div className="text-sm font-medium text-red-800">Withdrawn</div>}
      </div>
    ),
  }),
  helper.accessor("authorNames", { header: "Authors" }),
  helper.accessor("isbn13", { header: "ISBN", cell: ({ getValue }) => <span className="font-mono text-sm">{getValue() ?? "—"}</span> }),
  helper.accessor("genreNames", { header: "Genres", enableSorting: false }),
  helper.accessor("copies", { header: "Copies", enableSorting: false }),
  helper.accessor("available", { header: "Available", enableSorting: false }),
  helper.accessor("loansLastYear", { header: "Loans (last year)", enableSorting: false }),
]);

const NUMERIC = new Set(["copies", "available", "loansLastYear"]);

const TABLE: SortedTableDefinition<InventoryRow, InventorySort> = { columns, sortable: SORTABLE, numeric: NUMERIC, minWidth: "min-w-[56rem]" };

export function InventoryTable({ rows, options }: { rows: InventoryRow[]; options: InventoryOptions }) {
  const caption = `Titles in the inventory, ${options.sort === "added" ? "newest first" : `sorted by ${options.sort}`}`;
  return <ServerSortedTable table={TABLE} rows={rows} order={options} hrefFor={(sort, dir) => inventoryHref({ ...options, sort, dir, page: 1 })} caption={caption} />;
}
