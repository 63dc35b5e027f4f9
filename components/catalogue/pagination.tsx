import clsx from "clsx";
import { Link } from "@/components/ui/link";
import { type SearchOptions, searchHref } from "@/lib/search/search-options";

/** Page numbers around the current one, with the first and last always reachable. */
function pageWindow(page: number, pageCount: number): (number | "gap")[] {
  const pages = new Set([1, pageCount, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pageCount));
  const sorted = [...pages].sort((a, b) => a - b);
  return sorted.flatMap((p, i) => (i > 0 && p - sorted[i - 1] > 1 ? (["gap", p] as const) : [p]));
}

const linkClass = "inline-flex min-h-10 min-w-10 items-center justify-center rounded-md border px-3 text-sm font-medium";

export function Pagination({ options, page, pageCount }: { options: SearchOptions; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  const href = (p: number) => searchHref({ ...options, page: p });
  return (
    <nav aria-label="Pagination" className="mt-6">
      <ul className="flex flex-wrap items-center gap-2">
        {page > 1 && (
          <li>
            <Link href={href(page - 1)} rel="prev" className={clsx(linkClass, "border-stone-300 bg-white text-brand-800 hover:bg-brand-50")}>
              Previous
            </Link>
          </li>
        )}
        {pageWindow(page, pageCount).map((p, i) =>
          p === "gap" ? (
            <li key={`gap-${i}`} aria-hidden className="px-1 text-stone-600">
              …
            </li>
          ) : (
            <li key={p}>
              <Link
                href={href(p)}
                aria-current={p === page ? "page" : undefined}
                aria-label={`Page ${p}`}
                className={clsx(
                  linkClass,
                  p === page ? "border-brand-700 bg-brand-700 text-white" : "border-stone-300 bg-white text-brand-800 hover:bg-brand-50",
                )}
              >
                {p}
              </Link>
            </li>
          ),
        )}
        {page < pageCount && (
          <li>
            <Link href={href(page + 1)} rel="next" className={clsx(linkClass, "border-stone-300 bg-white text-brand-800 hover:bg-brand-50")}>
              Next
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
