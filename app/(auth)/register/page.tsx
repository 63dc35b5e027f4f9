import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { registerAction } from "@/app/(auth)/actions";
import { AuthCard } from "@/components/auth/auth-card";
import { RegisterForm } from "@/components/auth/register-form";
import { getCurrentUser } from "@/lib/session";

export const metadata = { title: "Register" };

export default async function RegisterPage() {
  if (await getCurrentUser()) redirect("/account");
  return (
    <AuthCard
      title="Register for a library card"
      intro={
        <>
          You get a card number at once and can borrow and reserve books. Already registered?{" "}
          <Link href="/sign-in" className="font-medium text-brand-700 underline">
            Sign in
          </Link>
        </>
      }
    >
      <RegisterForm action={registerAction} submitLabel="Create account" />
    </AuthCard>
  );
}
