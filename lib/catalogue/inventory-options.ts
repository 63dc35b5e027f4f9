// The state of the inventory table, read from and written to the URL. Reading is forgiving:
// unknown values fall back to the defaults. No server imports: the table's client code uses it.

import { firstParam as first, oneOf, type RawParams } from "../url-params";

export const INVENTORY_SORTS = ["title", "author", "isbn", "year", "added"] as const;
export type InventorySort = (typeof INVENTORY_SORTS)[number];

export const INVENTORY_STATUSES = ["current", "withdrawn", "all", "damaged", "lost"] as const;
export type InventoryStatus = (typeof INVENTORY_STATUSES)[number];

export const STATUS_LABELS: Record<InventoryStatus, string> = {
  current: "In the catalogue",
  withdrawn: "Withdrawn titles",
  all: "All titles",
  damaged: "With a damaged copy",
  lost: "With a lost copy",
};

export const INVENTORY_PAGE_SIZE = 25;

export type InventoryOptions = {
  q: string;
  genre: string | null;
  status: InventoryStatus;
  sort: InventorySort;
  dir: "asc" | "desc";
  page: number;
};

export const DEFAULT_INVENTORY: InventoryOptions = { q: "", genre: null, status: "current", sort: "title", dir: "asc", page: 1 };

export function parseInventoryParams(params: RawParams): InventoryOptions {
  const page = Number(first(params, "page"));
  return {
    q: first(params, "q").slice(0, 200),
    genre: first(params, "genre").slice(0, 100) || null,
    status: oneOf(first(params, "status"), INVENTORY_STATUSES, "current"),
    sort: oneOf(first(params, "sort"), INVENTORY_SORTS, "title"),
    dir: first(params, "dir") === "desc" ? "desc" : "asc",
    page: Number.isInteger(page) && page >= 1 && page <= 1_000_000 ? page : 1,
  };
}

/** The query string for these options, defaults left out. */
export function inventoryQuery(options: Partial<InventoryOptions>): string {
  const params = new URLSearchParams();
  if (options.q) params.set("q", options.q);
  if (options.genre) params.set("genre", options.genre);
  if (options.status && options.status !== "current") params.set("status", options.status);
  if (options.sort && options.sort !== "title") params.set("sort", options.sort);
  if (options.dir === "desc") params.set("dir", "desc");
  if (options.page && options.page > 1) params.set("page", String(options.page));
  return params.toString();
}

export function inventoryHref(options: Partial<InventoryOptions>): string {
  const query = inventoryQuery(options);
  return query ? `/admin/inventory?${query}` : "/admin/inventory";
}
