import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/session";

export const metadata = { title: "Staff dashboard" };

export default async function AdminOverviewPage() {
  const user = await requireStaff();
  return <PageHeader title="Staff dashboard" description={`Signed in as ${user.name} (${user.role.toLowerCase()}).`} />;
}
