// Reading a page's state from its URL, forgivingly: a hand-edited or stale link never fails.
// No server imports: tables' client code reads the same state.

/** searchParams as a page receives them, or as the browser's URL has them. */
export type RawParams = Record<string, string | string[] | undefined> | URLSearchParams;

/** The first value given for `key`, trimmed; "" when there is none. */
export function firstParam(params: RawParams, key: string): string {
  const value = params instanceof URLSearchParams ? params.get(key) : params[key];
  return ((Array.isArray(value) ? value[0] : value) ?? "").trim();
}

/** `value` when it is one of `choices`, else `fallback`. */
export function oneOf<T extends string, F>(value: string, choices: readonly T[], fallback: F): T | F {
  return (choices as readonly string[]).includes(value) ? (value as T) : fallback;
}

/**
 * The order after a click on a sortable column's header: the sorted column turns the other
 * way round; any other column starts ascending, whatever the direction before.
 */
export function nextSortOrder<T extends string>(current: { sort: T; dir: "asc" | "desc" }, clicked: T): { sort: T; dir: "asc" | "desc" } {
  if (clicked !== current.sort) return { sort: clicked, dir: "asc" };
  return { sort: clicked, dir: current.dir === "asc" ? "desc" : "asc" };
}
