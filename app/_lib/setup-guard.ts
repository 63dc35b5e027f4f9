import { redirect } from "next/navigation";
import { hasAdmin } from "@/lib/patrons/create-first-admin";

/** A library with no administrator yet sends its first visitor to create one. */
export async function redirectToSetupWhenNew(): Promise<void> {
  if (!(await hasAdmin())) redirect("/setup");
}
