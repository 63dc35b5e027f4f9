import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Page not found" };

/** Any address the library does not have, and any record that is gone, inside the site's header. */
export default function NotFound() {
  return (
    <div className="max-w-xl space-y-4">
      <PageHeader title="Page not found" description="There is nothing at this address. The link may be mistyped, or what it pointed to has been removed." />
      <p className="flex flex-wrap gap-4">
        <Link href="/" className="font-medium text-brand-700 underline">
          Back to the catalogue
        </Link>
        <Link href="/search" className="font-medium text-brand-700 underline">
          Search the catalogue
        </Link>
      </p>
    </div>
  );
}
