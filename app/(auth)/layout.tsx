import type { ReactNode } from "react";
import { redirectToSetupWhenNew } from "@/app/_lib/setup-guard";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  await redirectToSetupWhenNew();
  return children;
}
