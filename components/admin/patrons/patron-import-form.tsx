"use client";

import Link from "next/link";
import { useRef, useState, useTransition } from "react";
import { importPatronsAction, previewPatronImportAction } from "@/app/admin/patrons/actions";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormStatus, fieldError } from "@/components/ui/form-status";
import type { ActionResult } from "@/lib/errors";
import { plural } from "@/lib/format";
import type { PatronImportPreview, PatronPreviewLine } from "@/lib/patrons/preview-patron-import";

function Lines({ heading, lines, total }: { heading: string; lines: PatronPreviewLine[]; total: number }) {
  if (total === 0) return null;
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
              <th scope="col" className="py-1 pr-3">Line</th>
              <th scope="col" className="py-1 pr-3">Name</th>
              <th scope="col" className="py-1 pr-3">Email</th>
              <th scope="col" className="py-1">Category</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.line} className="border-t border-stone-100">
                <td className="py-1 pr-3 tabular-nums">{l.line}</td>
                <td className="py-1 pr-3">{l.patronId ? <Link href={`/admin/patrons/${l.patronId}`} className="text-brand-800 underline">{l.name}</Link> : l.name}</td>
                <td className="py-1 pr-3 break-all">{l.email}</td>
                <td className="py-1">{l.category}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {total > lines.length && <p className="mt-2 text-sm text-stone-600">The first {lines.length} of {total.toLocaleString("en-US")} are shown.</p>}
    </details>
  );
}

/** Upload, dry-run preview, then one all-or-nothing import. */
export function PatronImportForm() {
  const form = useRef<HTMLFormElement>(null);
  const [preview, setPreview] = useState<ActionResult<PatronImportPreview> | null>(null);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [running, setRunning] = useState<"preview" | "import" | null>(null);
  const [, startTransition] = useTransition();

  function run(kind: "preview" | "import") {
    if (!form.current) return;
    const data = new FormData(form.current);
    setRunning(kind);
    setResult(null);
    startTransition(async () => {
      if (kind === "preview") setPreview(await previewPatronImportAction(data));
      else setResult(await importPatronsAction(data));
      setRunning(null);
    });
  }

  const ready = preview?.ok ? preview.data : null;
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
        <TextField label="CSV file" name="file" type="file" accept=".csv,text/csv" required error={fieldError(preview, "file")} hint="Up to 5 MB and 5,000 patrons. The first line names the columns." />
        <Button type="submit" variant="secondary" disabled={running !== null}>
          Preview
        </Button>
      </form>
      {running && (
        <div role="status" className="space-y-2">
          <p className="text-sm font-medium">{running === "preview" ? "Checking every row…" : "Importing…"}</p>
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
            <li>{plural(ready.addCount, "new patron")} to add</li>
            <li>{plural(ready.updateCount, "patron")} to update (same email)</li>
            <li>{plural(ready.bad.length, "bad row")}</li>
          </ul>
          {ready.bad.length > 0 && (
            <div className="space-y-2 rounded-lg border border-red-300 bg-red-50 p-4">
              <h3 className="font-semibold text-red-950">Rows to fix before importing</h3>
              <ul className="space-y-1 text-sm text-red-950">
                {ready.bad.map((b) => (
                  <li key={b.line}>
                    Line {b.line}: {b.reason}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <Lines heading="Patrons to add" lines={ready.adds} total={ready.addCount} />
          <Lines heading="Patrons to update" lines={ready.updates} total={ready.updateCount} />
          {ready.bad.length === 0 ? (
            <Button onClick={() => run("import")} disabled={running !== null || ready.addCount + ready.updateCount === 0}>
              Import {plural(ready.addCount + ready.updateCount, "row")}
            </Button>
          ) : (
            <p className="text-sm text-stone-700">The import runs as a whole: fix the rows above, then preview the file again.</p>
          )}
        </section>
      )}
    </div>
  );
}
