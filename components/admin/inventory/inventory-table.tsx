"use client";

import { createColumnHelper, rowSortingFeature, type SortingState, tableFeatures, useTable } from "@tanstack/react-table";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Cover } from "@/components/catalogue/cover";
import { type InventoryOptions, type InventorySort, inventoryHref } from "@/lib/catalogue/inventory-options";
import type { InventoryRow } from "@/lib/catalogue/list-inventory";

// TanStack Table v9 with sorting done by the server: the table keeps the URL's sort as its
// state, and a header click becomes a new URL (the page reloads its rows from the database).
const features = tableFeatures({ rowSortingFeature });
const helper = createColumnHelper<typeof features, InventoryRow>();
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

export function InventoryTable({ rows, options }: { rows: InventoryRow[]; options: InventoryOptions }) {
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
      if (sort) router.push(inventoryHref({ ...options, sort, dir: next[0].desc ? "desc" : "asc", page: 1 }));
    },
  });

  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="w-full min-w-[56rem] border-collapse text-left text-sm">
        <caption className="sr-only">Titles in the inventory, {options.sort === "added" ? "newest first" : `sorted by ${options.sort}`}</caption>
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
