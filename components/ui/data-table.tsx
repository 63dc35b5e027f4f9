import clsx from "clsx";
import type { ReactNode } from "react";

/** A column: its header, what a row shows in it, and classes for its cells. */
export type Column<Row> = { header: string; cell: (row: Row) => ReactNode; className?: string; numeric?: boolean };

/** A read-only table of records (audit entries, emails, loans), scrolling sideways on a phone. */
export function DataTable<Row extends { id: number | string }>({
  rows,
  columns,
  caption,
  minWidth = "min-w-[40rem]",
}: {
  rows: Row[];
  columns: Column<Row>[];
  caption?: string;
  minWidth?: string;
}) {
  const cellClass = (column: Column<Row>, i: number) => clsx("py-2", i < columns.length - 1 && "pr-3", column.numeric && "text-right");
  return (
    <div className="overflow-x-auto">
      <table className={clsx("w-full border-collapse text-left text-sm", minWidth)}>
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead>
          <tr className="border-b border-stone-300">
            {columns.map((column, i) => (
              <th key={column.header} scope="col" className={cellClass(column, i)}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-stone-200 align-top">
              {columns.map((column, i) => (
                <td key={column.header} className={clsx(cellClass(column, i), column.className)}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
