import Link from "next/link";
import { SimplePagination } from "@/components/admin/simple-pagination";
import { InventoryTable } from "@/components/admin/inventory/inventory-table";
import { buttonClass } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/filter-form";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { INVENTORY_STATUSES, inventoryHref, inventoryQuery, parseInventoryParams, STATUS_LABELS } from "@/lib/catalogue/inventory-options";
import { listInventory } from "@/lib/catalogue/list-inventory";
import { plural } from "@/lib/format";
import { listFilterChoices } from "@/lib/search/list-filter-choices";
import { requireStaff } from "@/lib/session";

export const metadata = { title: "Inventory" };

type Params = Record<string, string | string[] | undefined>;

export default async function InventoryPage({ searchParams }: { searchParams: Promise<Params> }) {
  await requireStaff();
  const params = await searchParams;
  const options = parseInventoryParams(params);
  const [result, choices] = await Promise.all([listInventory(options), listFilterChoices()]);
  const genreChoices = [{ value: "", label: "All genres" }, ...choices.genres.map((g) => ({ value: g.slug, label: g.name }))];
  const exportQuery = inventoryQuery({ q: options.q, genre: options.genre, status: options.status });

  return (
    <div className="space-y-6">
      <PageHeader
        title="Inventory"
        description={`${plural(result.total, "title")}${options.q || options.genre || options.status !== "current" ? " match" : " in the catalogue"}.`}
        actions={
          <>
            <Link href="/admin/inventory/new" className={buttonClass("primary")}>
              Add a title
            </Link>
            <Link href="/admin/inventory/import" className={buttonClass("secondary")}>
              Import CSV or MARC
            </Link>
            <a href={`/api/admin/catalogue.csv${exportQuery ? `?${exportQuery}` : ""}`} className={buttonClass("secondary")} download>
              Export {options.q || options.genre || options.status !== "current" ? "this view" : "catalogue"} as CSV
            </a>
            <a href={`/api/admin/catalogue.mrc${exportQuery ? `?${exportQuery}` : ""}`} className={buttonClass("secondary")} download>
              Export {options.q || options.genre || options.status !== "current" ? "this view" : "catalogue"} as MARC 21
            </a>
            <a href={`/api/admin/catalogue.xml${exportQuery ? `?${exportQuery}` : ""}`} className={buttonClass("secondary")} download>
              Export {options.q || options.genre || options.status !== "current" ? "this view" : "catalogue"} as MARCXML
            </a>
          </>
        }
      />
      {params.deleted && <Notice tone="success">The title was deleted.</Notice>}
      <FilterForm
        label="Inventory"
        keep={{ sort: options.sort !== "title" ? options.sort : undefined, dir: options.dir === "desc" ? "desc" : undefined }}
        className="sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end"
      >
        <TextField id="inventory-q" label="Title, author, ISBN or barcode" name="q" type="search" defaultValue={options.q} />
        <SelectField id="inventory-genre" label="Genre" name="genre" defaultValue={options.genre ?? ""} choices={genreChoices} />
        <SelectField id="inventory-status" label="Status" name="status" defaultValue={options.status} choices={INVENTORY_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))} />
      </FilterForm>
      {result.rows.length === 0 ? (
        <Notice>No titles match. Try fewer words or another filter.</Notice>
      ) : (
        <InventoryTable rows={result.rows} options={{ ...options, page: result.page }} />
      )}
      <SimplePagination page={result.page} pages={result.pageCount} href={(page) => inventoryHref({ ...options, page })} />
    </div>
  );
}
