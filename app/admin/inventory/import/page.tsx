import { ImportForm } from "@/app/admin/inventory/_components/import-form";
import { PageHeader } from "@/components/ui/page-header";
import { CSV_COLUMNS } from "@/lib/catalogue/catalogue-csv";
import { requireStaff } from "@/lib/session";

export const metadata = { title: "Import and export the catalogue" };

export default async function ImportPage() {
  await requireStaff();
  return (
    <div className="max-w-4xl space-y-8">
      <PageHeader back={{ href: "/admin/inventory", label: "Inventory" }} title="Import and export the catalogue" />
      <section aria-labelledby="import-heading" className="space-y-4">
        <h2 id="import-heading" className="text-lg font-semibold">
          Import a CSV or MARC file
        </h2>
        <div className="space-y-2 text-stone-800">
          <p>
            Columns: <code className="text-sm">{CSV_COLUMNS.join(", ")}</code>. Only <code>title</code> is required.
          </p>
          <p>
            Separate several authors or genres with “;”. A row whose ISBN is already catalogued updates that title (empty cells keep what is there);
            <code> copies</code> is how many copies the title should have at least — missing ones are added on <code>shelf_location</code>.
          </p>
          <p>
            Preview first: nothing changes until you import, and the import adds every row or none. The preview shows what each update changes (field: old → new).
            An import never brings back a withdrawn title: a row for one updates its record and it stays withdrawn, and asking it for new copies is refused. Restore
            the title from its page first.
          </p>
        </div>
        <p className="text-stone-800">
          A MARC 21 file (ISO 2709 <code>.mrc</code> or MARCXML, in UTF-8) imports the same way, one record a row: ISBN from 020, authors from 100/110 and 700/710,
          title from 245, publisher and year from 264 or 260, pages from 300, subjects (650/655) as genres, and each 952 or 852 holding as a copy with its barcode
          and shelf location. The preview numbers records from 1.
        </p>
        <ImportForm />
      </section>
      <section aria-labelledby="export-heading" className="space-y-2">
        <h2 id="export-heading" className="text-lg font-semibold">
          Export
        </h2>
        <p>
          <a href="/api/admin/catalogue.csv?status=all" className="text-brand-800 underline" download>
            Download the whole catalogue as CSV
          </a>{" "}
          (same columns),{" "}
          <a href="/api/admin/catalogue.mrc?status=all" className="text-brand-800 underline" download>
            as MARC 21 (.mrc)
          </a>{" "}
          or{" "}
          <a href="/api/admin/catalogue.xml?status=all" className="text-brand-800 underline" download>
            as MARCXML
          </a>
          . To export a filtered view, filter the inventory and use its export buttons.
        </p>
      </section>
    </div>
  );
}
