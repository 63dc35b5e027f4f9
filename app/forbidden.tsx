import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { getCurrentUser, isStaff } from "@/lib/session";

export const metadata = { title: "Not for your account" };

/**
 * Every refusal page, answered with 403 (forbidden() from /forbidden, where requireRole and the
 * proxy send a signed-in account without the role). The only pages a librarian is refused are
 * the administrators' ones, so the account says which words are right.
 */
export default async function Forbidden() {
  const user = await getCurrentUser();
  const [title, description] =
    user && isStaff(user.role) && user.status === "BLOCKED"
      ? ["Account blocked", "Your staff account is blocked, so the staff pages are closed to it. Ask an administrator."]
      : user?.role === "LIBRARIAN"
        ? ["Administrators only", "This page is for administrators: library policies, staff roles and settings. Ask an administrator if something here needs changing."]
        : ["Staff only", "This page is for staff. Your account does not have access to it."];
  return (
    <div className="max-w-xl">
      <PageHeader title={title} description={description} />
      <Link href={user && isStaff(user.role) ? "/admin" : "/"} className="font-medium text-brand-700 underline">
        {user && isStaff(user.role) ? "Back to the staff dashboard" : "Back to the catalogue"}
      </Link>
    </div>
  );
}
