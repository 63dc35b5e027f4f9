import { PatronImportForm } from "@/app/admin/patrons/_components/patron-import-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/session";

export const metadata = { title: "Import patrons" };

export default async function PatronImportPage() {
  await requireStaff();
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: "/admin/patrons", label: "All patrons" }} title="Import patrons" description="Register a class or a school at once from a spreadsheet saved as CSV." />
      <div className="space-y-2 rounded-lg border border-stone-200 bg-white p-4 text-sm text-stone-800">
        <p>
          Columns: <code>name</code>, <code>email</code>, <code>category</code> (its code or name, like Child), and optionally <code>card_number</code> and{" "}
          <code>phone</code>. A row whose email already has an account updates that account.
        </p>
        <p>
          New patrons get a library card but no password: to sign in the first time, they ask at the desk, where staff use <strong>Reset password</strong> on
          their patron page and hand over the temporary password.
        </p>
      </div>
      <PatronImportForm />
    </div>
  );
}
