import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

/** Previous/next links for the staff lists; `href` builds a page's URL with the other query parameters kept. */
export function SimplePagination({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pagination" className="mt-4 flex flex-wrap items-center gap-3">
      {page > 1 && (
        <Link href={href(page - 1)} rel="prev" className={buttonClass("secondary")}>
          Previous page
        </Link>
      )}
      <span aria-current="page" className="text-sm text-stone-700">
        Page {page.toLocaleString("en-US")} of {pages.toLocaleString("en-US")}
      </span>
      {page < pages && (
        <Link href={href(page + 1)} rel="next" className={buttonClass("secondary")}>
          Next page
        </Link>
      )}
    </nav>
  );
}
