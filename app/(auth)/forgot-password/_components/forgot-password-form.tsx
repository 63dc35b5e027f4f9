"use client";

import { Link } from "@/components/ui/link";
import { forgotPasswordAction } from "@/app/(auth)/actions";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { fieldError } from "@/components/ui/form-status";

export function ForgotPasswordForm() {
  return (
    <ActionForm action={forgotPasswordAction} submit={{ label: "Email me a link", pendingText: "Sending…" }}>
      {(state, kept) => (
        <>
          <TextField label="Email address" name="email" type="email" autoComplete="email" required defaultValue={kept.value("email")} error={fieldError(state, "email")} />
          <p className="text-sm text-stone-700">
            No email on your account? The library desk can reset your password.{" "}
            <Link href="/sign-in" className="font-medium text-brand-700 underline">
              Back to sign in
            </Link>
          </p>
        </>
      )}
    </ActionForm>
  );
}
