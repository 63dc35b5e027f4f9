"use client";

import { useActionState } from "react";
import { changePasswordAction } from "@/app/(auth)/actions";
import { TextField } from "@/components/ui/field";
import { FormStatus, fieldError } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";

export function ChangePasswordForm({ currentLabel = "Current password" }: { currentLabel?: string }) {
  const [state, action] = useActionState(changePasswordAction, null);
  return (
    <form action={action} className="max-w-md space-y-4" noValidate>
      <FormStatus state={state} />
      <TextField label={currentLabel} name="currentPassword" type="password" autoComplete="current-password" required error={fieldError(state, "currentPassword")} />
      <TextField label="New password" name="newPassword" type="password" autoComplete="new-password" required hint="At least 10 characters." error={fieldError(state, "newPassword")} />
      <TextField label="Repeat new password" name="confirmPassword" type="password" autoComplete="new-password" required error={fieldError(state, "confirmPassword")} />
      <SubmitButton pendingText="Saving…">Change password</SubmitButton>
    </form>
  );
}
