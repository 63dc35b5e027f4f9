import { redirect } from "next/navigation";
import { createFirstAdminAction } from "@/app/(auth)/actions";
import { AuthCard } from "@/components/auth/auth-card";
import { RegisterForm } from "@/components/auth/register-form";
import { hasAdmin } from "@/lib/patrons/create-first-admin";

export const metadata = { title: "Set up your library" };

export default async function SetupPage() {
  if (await hasAdmin()) redirect("/sign-in");
  return (
    <AuthCard
      title="Set up your library"
      intro="Welcome to Stacks. Create the administrator account: it manages policies, staff and settings. You need the setup code that Stacks printed on the console of the server when it started."
    >
      <RegisterForm action={createFirstAdminAction} submitLabel="Create administrator" setupCode />
    </AuthCard>
  );
}
