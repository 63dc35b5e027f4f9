"use client";

import { resetPasswordAction } from "@/app/(auth)/actions";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { fieldError } from "@/components/ui/form-status";

export function ResetPasswordForm({ token }: { token: string }) {
  return (
    <ActionForm action={resetPasswordAction} hidden={{ token }} submit={{ label: "Set new password", pendingText: "Saving…" }} className="space-y-4">
      {(state) => (
        <>
          <TextField label="New password" name="newPassword" type="password" autoComplete="new-password" required hint="At least 10 characters." error={fieldError(state, "newPassword")} />
          <TextField label="Repeat new password" name="confirmPassword" type="password" autoComplete="new-password" required error={fieldError(state, "confirmPassword")} />
        </>
      )}
    </ActionForm>
  );
}
