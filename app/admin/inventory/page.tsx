import Link from "next/link";
import { SimplePagination } from "@/components/admin/simple-pagination";
import { InventoryTable } from "@/components/admin/inventory/inventory-table";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
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
              Import CSV
            </Link>
            <a href={`/api/admin/catalogue.csv${exportQuery ? `?${exportQuery}` : ""}`} className={buttonClass("secondary")} download>
              Export {options.q || options.genre || options.status !== "current" ? "this view" : "catalogue"} as CSV
            </a>
          </>
        }
      />
      {params.deleted && <Notice tone="success">The title was deleted.</Notice>}
      <form role="search" aria-label="Inventory" className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end">
        <div className="space-y-1">
          <label htmlFor="inventory-q" className="block text-sm font-medium text-stone-800">
            Title, author or ISBN
          </label>
          <input id="inventory-q" name="q" type="search" defaultValue={options.q} className={inputClass} />
        </div>
        <div className="space-y-1">
          <label htmlFor="inventory-genre" className="block text-sm font-medium text-stone-800">
            Genre
          </label>
          <select id="inventory-genre" name="genre" defaultValue={options.genre ?? ""} className={inputClass}>
            <option value="">All genres</option>
            {choices.genres.map((g) => (
              <option key={g.slug} value={g.slug}>
                {g.name}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="inventory-status" className="block text-sm font-medium text-stone-800">
            Status
          </label>
          <select id="inventory-status" name="status" defaultValue={options.status} className={inputClass}>
            {INVENTORY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        {options.sort !== "title" && <input type="hidden" name="sort" value={options.sort} />}
        {options.dir === "desc" && <input type="hidden" name="dir" value="desc" />}
        <button type="submit" className={buttonClass("primary")}>
          Filter
        </button>
      </form>
      {result.rows.length === 0 ? (
        <Notice>No titles match. Try fewer words or another filter.</Notice>
      ) : (
        <InventoryTable rows={result.rows} options={{ ...options, page: result.page }} />
      )}
      <SimplePagination page={result.page} pages={result.pageCount} href={(page) => inventoryHref({ ...options, page })} />
    </div>
  );
}
