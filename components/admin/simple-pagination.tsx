import Link from "next/link";

/** Previous/next links that keep the other query parameters. */
export function SimplePagination({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center gap-4 text-sm">
      {page > 1 && <Link href={href(page - 1)} className="font-medium text-brand-700 underline">Previous page</Link>}
      <span aria-current="page">Page {page} of {pages}</span>
      {page < pages && <Link href={href(page + 1)} className="font-medium text-brand-700 underline">Next page</Link>}
    </nav>
  );
}
