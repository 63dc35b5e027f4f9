import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/app/(auth)/sign-in/_components/sign-in-form";
import { Notice } from "@/components/ui/notice";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { getCurrentUser } from "@/lib/session";

export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; signedOut?: string }> }) {
  const { callbackUrl, signedOut } = await searchParams;
  const target = safeCallbackPath(callbackUrl);
  if (await getCurrentUser()) redirect(target);
  return (
    <AuthCard title="Sign in" intro="Use your email address or library card number.">
      {signedOut === "everywhere" && <Notice tone="success">You are signed out on every device.</Notice>}
      <SignInForm callbackUrl={target} />
    </AuthCard>
  );
}
