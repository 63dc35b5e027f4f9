import type { ReactNode } from "react";
import { AccountNav } from "@/components/account/account-nav";
import { requireUser } from "@/lib/session";

export default async function AccountLayout({ children }: { children: ReactNode }) {
  await requireUser();
  return (
    <>
      <AccountNav />
      {children}
    </>
  );
}
