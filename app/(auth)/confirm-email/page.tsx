import { Link } from "@/components/ui/link";
import { ConfirmEmailForm } from "@/app/(auth)/confirm-email/_components/confirm-email-form";
import { AuthCard } from "@/components/auth/auth-card";
import { Notice } from "@/components/ui/notice";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { tokenIsUsable, USED_OR_EXPIRED } from "@/lib/patrons/account-tokens";

export const metadata = { title: "Confirm your email address" };

// As for a reset link: opening it changes nothing, the button does.
export default async function ConfirmEmailPage({ searchParams }: { searchParams: Promise<{ token?: string; changed?: string }> }) {
  const { token = "", changed } = await searchParams;
  if (changed === "1") {
    return (
      <AuthCard title="Email address changed">
        <Notice tone="success">Your email address is changed. Emails from the library go to the new address from now on.</Notice>
      </AuthCard>
    );
  }
  const usable = token.length > 0 && token.length <= 200 && (await tokenIsUsable(db, token, "EMAIL_CHANGE", now()));
  return (
    <AuthCard title="Confirm your email address" intro={usable ? "Your library account will use this address from now on." : undefined}>
      {usable ? (
        <ConfirmEmailForm token={token} />
      ) : (
        <div className="space-y-4">
          <Notice tone="error">{USED_OR_EXPIRED}</Notice>
          <p>
            <Link href="/account/profile" className="font-medium text-brand-700 underline">
              Your profile
            </Link>
          </p>
        </div>
      )}
    </AuthCard>
  );
}
