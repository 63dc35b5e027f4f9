import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/app/(auth)/sign-in/_components/sign-in-form";
import { Notice } from "@/components/ui/notice";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { getCurrentUser } from "@/lib/session";

export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; signedOut?: string; reset?: string; closed?: string }> }) {
  const { callbackUrl, signedOut, reset, closed } = await searchParams;
  const target = safeCallbackPath(callbackUrl);
  if (await getCurrentUser()) redirect(target);
  return (
    <AuthCard title="Sign in" intro="Use your email address or library card number.">
      {signedOut === "everywhere" && <Notice tone="success">You are signed out on every device.</Notice>}
      {reset === "1" && <Notice tone="success">Your new password is set and your other sessions are signed out. Sign in with it now.</Notice>}
      {closed === "now" && <Notice tone="success">Your account is closed and your details have been cleared.</Notice>}
      {closed === "later" && (
        <Notice tone="success">Your account is closed. Your details will be cleared once every book is back and every fine is settled.</Notice>
      )}
      <SignInForm callbackUrl={target} />
    </AuthCard>
  );
}
