import Link from "next/link";
import { RoleForm } from "@/app/admin/staff/_components/role-form";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/lib/db";
import { findStaffSchema } from "@/lib/patrons/admin-schemas";
import { requireRole } from "@/lib/session";

export const metadata = { title: "Staff and roles" };

const select = { id: true, name: true, email: true, role: true } as const;

export default async function StaffPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  await requireRole("ADMIN");
  const { email } = await searchParams;
  const query = email ? findStaffSchema.safeParse({ email }) : null;
  const [staff, found] = await Promise.all([
    db.user.findMany({ where: { role: { in: ["LIBRARIAN", "ADMIN"] } }, orderBy: [{ role: "asc" }, { name: "asc" }], select }),
    query?.success ? db.user.findUnique({ where: { email: query.data.email }, select }) : null,
  ]);

  return (
    <div className="space-y-8">
      <PageHeader title="Staff and roles" description="Librarians run the desk and the catalogue; administrators also set policies, roles and settings. The library always keeps one administrator." />
      <section aria-labelledby="find-heading" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="find-heading" className="text-lg font-semibold">
          Give someone a role
        </h2>
        <form role="search" aria-label="Find an account" className="flex flex-wrap items-end gap-3">
          <div className="min-w-64 flex-1 space-y-1">
            <label htmlFor="staff-email" className="block text-sm font-medium text-stone-800">
              Email of the account
            </label>
            <input id="staff-email" name="email" type="email" defaultValue={email ?? ""} className={inputClass} />
          </div>
          <button type="submit" className={buttonClass("secondary")}>
            Find
          </button>
        </form>
        {query && !query.success && <Notice tone="error">Enter a valid email address.</Notice>}
        {query?.success && !found && <Notice tone="warning">No account has this email.</Notice>}
        {found && (
          <div className="space-y-2">
            <p>
              <Link href={`/admin/patrons/${found.id}`} className="font-medium text-brand-800 underline">
                {found.name}
              </Link>{" "}
              ({found.email})
            </p>
            <RoleForm userId={found.id} name={found.name} role={found.role} scope="found" />
          </div>
        )}
      </section>
      <section aria-labelledby="staff-heading" className="space-y-3">
        <h2 id="staff-heading" className="text-lg font-semibold">
          Current staff
        </h2>
        <ul className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
          {staff.map((u) => (
            <li key={u.id} className="space-y-2 p-4">
              <p>
                <Link href={`/admin/patrons/${u.id}`} className="font-medium text-brand-800 underline">
                  {u.name}
                </Link>{" "}
                <span className="break-all text-stone-700">({u.email})</span>
              </p>
              <RoleForm userId={u.id} name={u.name} role={u.role} scope="staff" />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
