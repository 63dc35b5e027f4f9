"use client";

import { type ReactNode, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FileField } from "@/components/ui/file-field";
import { FormStatus, fieldError } from "@/components/ui/form-status";
import type { ActionResult, FormAction } from "@/lib/errors";
import { plural } from "@/lib/format";
import { CSV_TOO_LARGE, MAX_CSV_BYTES } from "@/lib/upload-limits";

/** What every CSV import's dry run reports: the first rows of each kind, their counts, every bad row. */
export type CsvPreview<TLine extends { line: number }> = {
  addCount: number;
  updateCount: number;
  adds: TLine[];
  updates: TLine[];
  bad: { line: number; reason: string }[];
  /** What `line` counts: a CSV's lines (the default) or a MARC file's records. */
  unit?: "line" | "record";
};

/** A preview table column after "Line". */
export type PreviewColumn<TLine> = { header: string; cell: (line: TLine) => ReactNode; className?: string };

type Props<TLine extends { line: number }, TPreview extends CsvPreview<TLine>, TImport> = {
  previewAction: FormAction<TPreview>;
  importAction: FormAction<TImport>;
  fileHint: string;
  importingMessage: string;
  /** The preview's list items: what the import would add and update. */
  summary: (preview: TPreview) => ReactNode;
  columns: PreviewColumn<TLine>[];
  headings: { adds: string; updates: string };
  /** The file field's label and the files it offers ("CSV file", .csv by default). */
  file?: { label: string; accept: string };
};

function Lines<TLine extends { line: number }>({ heading, lines, total, columns, unit }: { heading: string; lines: TLine[]; total: number; columns: PreviewColumn<TLine>[]; unit: string }) {
  if (total === 0) return null;
  const padding = (i: number) => (i < columns.length - 1 ? "py-1 pr-3" : "py-1");
  return (
    <details className="rounded-lg border border-stone-200 bg-white p-4">
      <summary className="cursor-pointer font-semibold">
        {heading} ({total.toLocaleString("en-US")})
      </summary>
      <div className="overflow-x-auto">
        <table className="mt-3 w-full text-left text-sm">
          <caption className="sr-only">{heading}</caption>
          <thead>
            <tr>
              <th scope="col" className="py-1 pr-3">{unit}</th>
              {columns.map((c, i) => (
                <th key={c.header} scope="col" className={padding(i)}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.line} className="border-t border-stone-100">
                <td className="py-1 pr-3 tabular-nums">{l.line}</td>
                {columns.map((c, i) => (
                  <td key={c.header} className={`${padding(i)} ${c.className ?? ""}`}>
                    {c.cell(l)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {total > lines.length && <p className="mt-2 text-sm text-stone-600">The first {lines.length} of {total.toLocaleString("en-US")} are shown.</p>}
    </details>
  );
}

/**
 * Upload, dry-run preview, then import. The import is one request and one transaction: while it
 * runs the page shows an indeterminate progress bar; it either all lands or nothing does.
 */
export function CsvImportForm<TLine extends { line: number }, TPreview extends CsvPreview<TLine>, TImport>({
  previewAction,
  importAction,
  fileHint,
  importingMessage,
  summary,
  columns,
  headings,
  file = { label: "CSV file", accept: ".csv,text/csv" },
}: Props<TLine, TPreview, TImport>) {
  const form = useRef<HTMLFormElement>(null);
  const [preview, setPreview] = useState<ActionResult<TPreview> | null>(null);
  const [result, setResult] = useState<ActionResult<TImport> | null>(null);
  const [running, setRunning] = useState<"preview" | "import" | null>(null);
  const [, startTransition] = useTransition();

  function run(kind: "preview" | "import") {
    if (!form.current) return;
    const data = new FormData(form.current);
    setRunning(kind);
    setResult(null);
    startTransition(async () => {
      if (kind === "preview") setPreview(await previewAction(null, data));
      else setResult(await importAction(null, data));
      setRunning(null);
    });
  }

  const ready = preview?.ok ? preview.data : null;
  const unit = ready?.unit === "record" ? "Record" : "Line";
  return (
    <div className="space-y-6">
      <form
        ref={form}
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          run("preview");
        }}
        onChange={() => {
          setPreview(null);
          setResult(null);
        }}
      >
        <FileField
          label={file.label}
          name="file"
          accept={file.accept}
          required
          maxBytes={MAX_CSV_BYTES}
          tooLarge={CSV_TOO_LARGE}
          error={fieldError(preview, "file")}
          hint={fileHint}
        />
        <Button type="submit" variant="secondary" disabled={running !== null}>
          Preview
        </Button>
      </form>

      {running && (
        <div role="status" className="space-y-2">
          <p className="text-sm font-medium">{running === "preview" ? "Checking every row…" : importingMessage}</p>
          <progress className="h-2 w-full max-w-md" aria-label={running === "preview" ? "Checking the file" : "Importing"} />
        </div>
      )}
      {preview && !preview.ok && <FormStatus state={preview} />}
      <FormStatus state={result} />

      {ready && !result?.ok && (
        <section aria-labelledby="preview-heading" className="space-y-4">
          <h2 id="preview-heading" className="text-lg font-semibold">
            Preview (nothing has changed yet)
          </h2>
          <ul className="list-inside list-disc text-stone-800">
            {summary(ready)}
            <li>{plural(ready.bad.length, unit === "Record" ? "bad record" : "bad row")}</li>
          </ul>
          {ready.bad.length > 0 && (
            <div className="space-y-2 rounded-lg border border-red-300 bg-red-50 p-4">
              <h3 className="font-semibold text-red-950">{unit === "Record" ? "Records" : "Rows"} to fix before importing</h3>
              <ul className="space-y-1 text-sm text-red-950">
                {ready.bad.map((b) => (
                  <li key={b.line}>
                    {unit} {b.line}: {b.reason}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <Lines heading={headings.adds} lines={ready.adds} total={ready.addCount} columns={columns} unit={unit} />
          <Lines heading={headings.updates} lines={ready.updates} total={ready.updateCount} columns={columns} unit={unit} />
          {ready.bad.length === 0 ? (
            <Button onClick={() => run("import")} disabled={running !== null || ready.addCount + ready.updateCount === 0}>
              Import {plural(ready.addCount + ready.updateCount, unit === "Record" ? "record" : "row")}
            </Button>
          ) : (
            <p className="text-sm text-stone-700">The import runs as a whole: fix the {unit === "Record" ? "records" : "rows"} above, then preview the file again.</p>
          )}
        </section>
      )}
    </div>
  );
}
