import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { requireStaff } from "@/lib/session";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireStaff();
  return (
    <>
      <AdminNav isAdmin={user.role === "ADMIN"} />
      {children}
    </>
  );
}
