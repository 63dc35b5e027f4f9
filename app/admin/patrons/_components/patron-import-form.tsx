"use client";

import Link from "next/link";
import { importPatronsAction, previewPatronImportAction } from "@/app/admin/patrons/actions";
import { CsvImportForm, type PreviewColumn } from "@/components/admin/csv-import-form";
import { plural } from "@/lib/format";
import { MAX_CSV_BYTES, sizeLabel } from "@/lib/upload-limits";
import type { PatronPreviewLine } from "@/lib/patrons/preview-patron-import";

const columns: PreviewColumn<PatronPreviewLine>[] = [
  { header: "Name", cell: (l) => (l.patronId ? <Link href={`/admin/patrons/${l.patronId}`} className="text-brand-800 underline">{l.name}</Link> : l.name) },
  { header: "Email", cell: (l) => l.email, className: "break-all" },
  { header: "Category", cell: (l) => l.category },
];

/** Patrons' CSV import: preview, then all-or-nothing import. */
export function PatronImportForm() {
  return (
    <CsvImportForm
      previewAction={previewPatronImportAction}
      importAction={importPatronsAction}
      fileHint={`Up to ${sizeLabel(MAX_CSV_BYTES)} and 5,000 patrons. The first line names the columns.`}
      importingMessage="Importing…"
      summary={(p) => (
        <>
          <li>{plural(p.addCount, "new patron")} to add</li>
          <li>{plural(p.updateCount, "patron")} to update (same email)</li>
        </>
      )}
      columns={columns}
      headings={{ adds: "Patrons to add", updates: "Patrons to update" }}
    />
  );
}
