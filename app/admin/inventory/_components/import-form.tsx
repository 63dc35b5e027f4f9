"use client";

import Link from "next/link";
import { importCatalogueAction, previewImportAction } from "@/app/admin/inventory/actions";
import { CsvImportForm, type PreviewColumn } from "@/components/admin/csv-import-form";
import type { PreviewLine } from "@/lib/catalogue/preview-import";
import { plural } from "@/lib/format";
import { MAX_CSV_BYTES, sizeLabel } from "@/lib/upload-limits";

const columns: PreviewColumn<PreviewLine>[] = [
  { header: "Title", cell: (l) => (l.titleId ? <Link href={`/admin/inventory/${l.titleId}`} className="text-brand-800 underline">{l.title}</Link> : l.title) },
  { header: "ISBN", cell: (l) => l.isbn13 ?? "—", className: "font-mono" },
  { header: "Copies to add", cell: (l) => l.copiesToAdd, className: "tabular-nums" },
  { header: "Changes", cell: (l) => <Changes line={l} /> },
];

/** An update's changes as "field: old → new", and whether the title stays withdrawn. */
function Changes({ line }: { line: PreviewLine }) {
  if (!line.changes) return "New title";
  return (
    <div className="space-y-1">
      {line.withdrawn && <p className="font-medium text-amber-900">Withdrawn: stays withdrawn (restore it from its page)</p>}
      {line.changes.length === 0 ? (
        <p>No change to the record</p>
      ) : (
        <ul className="space-y-0.5">
          {line.changes.map((c) => (
            <li key={c.field} className="break-words">
              <span className="font-medium">{c.field}</span>: {c.from} → {c.to}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The catalogue's CSV or MARC import: preview, then all-or-nothing import. */
export function ImportForm() {
  return (
    <CsvImportForm
      previewAction={previewImportAction}
      importAction={importCatalogueAction}
      file={{ label: "Catalogue file (CSV or MARC)", accept: ".csv,text/csv,.mrc,.marc,.xml,application/marc,application/marcxml+xml" }}
      fileHint={`Up to ${sizeLabel(MAX_CSV_BYTES)}. A CSV's first line names the columns; a MARC 21 file may be ISO 2709 (.mrc) or MARCXML.`}
      importingMessage="Importing — this takes a few seconds for thousands of rows…"
      summary={(p) => (
        <>
          <li>{plural(p.addCount, "title")} to add</li>
          <li>{plural(p.updateCount, "title")} to update (same ISBN)</li>
          <li>{plural(p.copiesToAdd, "copy", "copies")} to add</li>
        </>
      )}
      columns={columns}
      headings={{ adds: "Titles to add", updates: "Titles to update" }}
    />
  );
}
