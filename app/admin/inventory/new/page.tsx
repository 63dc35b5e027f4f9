import { EMPTY_TITLE, TitleForm } from "@/app/admin/inventory/_components/title-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/session";

export const metadata = { title: "Add a title" };

export default async function NewTitlePage() {
  await requireStaff();
  return (
    <div className="max-w-3xl">
      <PageHeader back={{ href: "/admin/inventory", label: "Inventory" }} title="Add a title" description="Copies are added on the next page, once the title is saved." />
      <TitleForm values={EMPTY_TITLE} />
    </div>
  );
}
