import clsx from "clsx";
import type { ReactNode } from "react";

/** A column: its header, what a row shows in it, and classes for its cells. */
export type Column<Row> = { header: string; cell: (row: Row) => ReactNode; className?: string; numeric?: boolean };

/**
 * A read-only table of records (audit entries, emails, loans, fines). On a phone each row stacks
 * into "header: value" lines, so every column stays on screen instead of scrolling out of sight.
 * The ARIA roles are explicit because the phone layout changes the elements' display, and a
 * browser drops a table's meaning with its display unless the roles say it.
 * `minWidth` (an `sm:` class) keeps the columns readable from 640 px, scrolling sideways if need be.
 * With no rows, `empty` says so in a sentence instead of an empty table.
 */
export function DataTable<Row extends { id: number | string }>({
  rows,
  columns,
  caption,
  minWidth = "sm:min-w-[40rem]",
  empty,
}: {
  rows: Row[];
  columns: Column<Row>[];
  caption?: string;
  minWidth?: string;
  empty?: ReactNode;
}) {
  if (rows.length === 0 && empty !== undefined) return <p>{empty}</p>;
  const cellClass = (column: Column<Row>, i: number) => clsx("sm:py-2", i < columns.length - 1 && "sm:pr-3", column.numeric && "sm:text-right");
  return (
    <div className="sm:overflow-x-auto">
      <table role="table" className={clsx("block w-full border-collapse text-left text-sm sm:table", minWidth)}>
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead role="rowgroup" className="sr-only sm:not-sr-only sm:table-header-group">
          <tr role="row" className="border-b border-stone-300">
            {columns.map((column, i) => (
              <th key={column.header} role="columnheader" scope="col" className={cellClass(column, i)}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup" className="block sm:table-row-group">
          {rows.map((row) => (
            <tr key={row.id} role="row" className="block border-b border-stone-200 py-2 align-top sm:table-row sm:py-0">
              {columns.map((column, i) => (
                <td key={column.header} role="cell" className={clsx("flex justify-between gap-4 py-0.5 sm:table-cell", cellClass(column, i), column.className)}>
                  {/* The phone layout has no header row to read the column from. */}
                  <span aria-hidden="true" className="shrink-0 font-medium text-stone-600 sm:hidden">
                    {column.header}
                  </span>
                  <span className="min-w-0 text-right">{column.cell(row)}</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
