// The state of the patrons table, read from and written to the URL. Reading is forgiving:
// unknown values fall back to the defaults. No server imports: the table's client code uses it.

export const PATRON_SORTS = ["name", "card", "email", "category", "loans", "overdue", "holds", "fines", "expires"] as const;
export type PatronSort = (typeof PATRON_SORTS)[number];

export const PATRON_FILTERS = ["overdue", "fines", "expired"] as const;
export type PatronFilter = (typeof PATRON_FILTERS)[number];

export const PATRON_STATUSES = ["ACTIVE", "BLOCKED"] as const;

export const PATRON_PAGE_SIZE = 25;

export type PatronListOptions = {
  q: string;
  status: (typeof PATRON_STATUSES)[number] | null;
  category: string | null;
  filter: PatronFilter | null;
  sort: PatronSort;
  dir: "asc" | "desc";
  page: number;
};

type RawParams = Record<string, string | string[] | undefined> | URLSearchParams;

function first(params: RawParams, key: string): string {
  const value = params instanceof URLSearchParams ? params.get(key) : params[key];
  return ((Array.isArray(value) ? value[0] : value) ?? "").trim();
}

function oneOf<T extends string>(value: string, choices: readonly T[]): T | null {
  return (choices as readonly string[]).includes(value) ? (value as T) : null;
}

export function parsePatronListParams(params: RawParams): PatronListOptions {
  const page = Number(first(params, "page"));
  return {
    q: first(params, "q").slice(0, 200),
    status: oneOf(first(params, "status").toUpperCase(), PATRON_STATUSES),
    category: first(params, "category").slice(0, 40) || null,
    filter: oneOf(first(params, "filter"), PATRON_FILTERS),
    sort: oneOf(first(params, "sort"), PATRON_SORTS) ?? "name",
    dir: first(params, "dir") === "desc" ? "desc" : "asc",
    page: Number.isInteger(page) && page >= 1 && page <= 1_000_000 ? page : 1,
  };
}

export function patronListHref(options: Partial<PatronListOptions>): string {
  const params = new URLSearchParams();
  if (options.q) params.set("q", options.q);
  if (options.status) params.set("status", options.status.toLowerCase());
  if (options.category) params.set("category", options.category);
  if (options.filter) params.set("filter", options.filter);
  if (options.sort && options.sort !== "name") params.set("sort", options.sort);
  if (options.dir === "desc") params.set("dir", "desc");
  if (options.page && options.page > 1) params.set("page", String(options.page));
  const query = params.toString();
  return query ? `/admin/patrons?${query}` : "/admin/patrons";
}
