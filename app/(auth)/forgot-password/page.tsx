import { ForgotPasswordForm } from "@/app/(auth)/forgot-password/_components/forgot-password-form";
import { AuthCard } from "@/components/auth/auth-card";

export const metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <AuthCard title="Forgot your password?" intro="Enter the email address of your account and we will email you a link to choose a new password.">
      <ForgotPasswordForm />
    </AuthCard>
  );
}
