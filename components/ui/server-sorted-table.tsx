"use client";

import { rowSortingFeature, type RowData, type SortingState, type TableOptions, tableFeatures, useTable } from "@tanstack/react-table";
import { useRouter } from "next/navigation";
import { nextSortOrder } from "@/lib/url-params";

// TanStack Table v9 with sorting done by the server: the table keeps the URL's sort as its
// state, and a header click becomes a new URL (the page reloads its rows from the database).
export const serverSortedFeatures = tableFeatures({ rowSortingFeature });
type Features = typeof serverSortedFeatures;

/** What a list's table is, apart from its rows: declared once beside its columns. */
export type SortedTableDefinition<TData extends RowData, TSort extends string> = {
  columns: TableOptions<Features, TData>["columns"];
  /** Sortable column ids and the URL sort each one stands for. */
  sortable: Record<string, TSort>;
  /** Column ids right-aligned as figures. */
  numeric: ReadonlySet<string>;
  /** Tailwind min-width class: below it the table scrolls sideways inside its box. */
  minWidth: string;
};

type Props<TData extends RowData, TSort extends string> = {
  table: SortedTableDefinition<TData, TSort>;
  rows: TData[];
  /** The order the URL asks for. */
  order: { sort: TSort; dir: "asc" | "desc" };
  /** The URL of the first page in another order. */
  hrefFor: (sort: TSort, dir: "asc" | "desc") => string;
  caption: string;
};

export function ServerSortedTable<TData extends RowData, TSort extends string>({ table: definition, rows, order, hrefFor, caption }: Props<TData, TSort>) {
  const { columns, sortable, numeric, minWidth } = definition;
  const { sort, dir } = order;
  const router = useRouter();
  const columnOf = Object.entries(sortable).find(([, s]) => s === sort)?.[0];
  const sorting: SortingState = columnOf ? [{ id: columnOf, desc: dir === "desc" }] : [];
  const table = useTable({
    features: serverSortedFeatures,
    columns,
    data: rows,
    state: { sorting },
    manualSorting: true,
  });
  const sortBy = (columnId: string) => {
    const next = nextSortOrder(order, sortable[columnId]);
    router.push(hrefFor(next.sort, next.dir));
  };

  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className={`w-full ${minWidth} border-collapse text-left text-sm`}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-stone-50">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} className="border-b border-stone-200">
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const canSort = header.column.id in sortable;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={canSort ? (sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none") : undefined}
                    className={`px-3 py-2 font-semibold text-stone-800 ${numeric.has(header.column.id) ? "text-right" : ""}`}
                  >
                    {canSort ? (
                      <button type="button" onClick={() => sortBy(header.column.id)} className="inline-flex min-h-10 items-center gap-1 font-semibold text-stone-900 hover:text-brand-800">
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
                <td key={cell.id} className={`px-3 py-2 ${numeric.has(cell.column.id) ? "text-right tabular-nums" : ""}`}>
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
