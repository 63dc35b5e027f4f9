import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AccountNav } from "@/components/account/account-nav";
import { requireUser } from "@/lib/session";

// "Loans · My account · Stacks": a patron with several tabs open tells them apart.
export const metadata: Metadata = { title: { template: "%s · My account", default: "My account" } };

export default async function AccountLayout({ children }: { children: ReactNode }) {
  await requireUser();
  return (
    <>
      <AccountNav />
      {children}
    </>
  );
}
