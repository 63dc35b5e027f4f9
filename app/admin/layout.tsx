import type { ReactNode } from "react";
import { requireStaff } from "@/lib/session";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireStaff();
  return children;
}
