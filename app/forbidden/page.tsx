import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Staff only" };

export default function ForbiddenPage() {
  return (
    <div className="max-w-xl">
      <PageHeader title="Staff only" description="This part of the library is for librarians. Your account does not have access to it." />
      <Link href="/" className="font-medium text-brand-700 underline">
        Back to the catalogue
      </Link>
    </div>
  );
}
