import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/app/_components/change-password-form";
import { AuthCard } from "@/components/auth/auth-card";
import { getCurrentUser } from "@/lib/session";

export const metadata = { title: "Choose a new password" };

// After a staff reset the temporary password works once: every page that needs the account
// (requireUser) sends it here until it has a password of its own.
export default async function ForcedChangePasswordPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  if (!user.mustChangePassword) redirect("/account");
  return (
    <AuthCard title="Choose a new password" intro="You signed in with a temporary password from the library. Choose your own to continue.">
      <ChangePasswordForm currentLabel="Temporary password" />
    </AuthCard>
  );
}
