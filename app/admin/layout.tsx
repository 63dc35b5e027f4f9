import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { requireStaff } from "@/lib/session";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireStaff();
  return (
    <div className="lg:flex lg:items-start lg:gap-8">
      <AdminNav isAdmin={user.role === "ADMIN"} />
      {/* min-w-0 lets a wide table scroll inside the page instead of widening it. */}
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
