import { Link } from "@/components/ui/link";
import { ResetPasswordForm } from "@/app/(auth)/reset-password/_components/reset-password-form";
import { AuthCard } from "@/components/auth/auth-card";
import { Notice } from "@/components/ui/notice";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { tokenIsUsable, USED_OR_EXPIRED } from "@/lib/patrons/account-tokens";

export const metadata = { title: "Choose a new password" };

// Opening the link only looks at it; setting the password uses it (a mail scanner may open links).
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token = "" } = await searchParams;
  const usable = token.length > 0 && token.length <= 200 && (await tokenIsUsable(db, token, "PASSWORD_RESET", now()));
  return (
    <AuthCard title="Choose a new password" intro={usable ? "Your other sessions will be signed out." : undefined}>
      {usable ? (
        <ResetPasswordForm token={token} />
      ) : (
        <div className="space-y-4">
          <Notice tone="error">{USED_OR_EXPIRED}</Notice>
          <p>
            <Link href="/forgot-password" className="font-medium text-brand-700 underline">
              Ask for a new link
            </Link>
          </p>
        </div>
      )}
    </AuthCard>
  );
}
