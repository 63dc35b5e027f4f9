"use client";

import { useActionState } from "react";
import { TextField } from "@/components/ui/field";
import { FormStatus, fieldError } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/errors";

/** Name, email and password: used by self-registration and by the first administrator's setup. */
export function RegisterForm({ action: submit, submitLabel }: { action: FormAction; submitLabel: string }) {
  const [state, action] = useActionState(submit, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormStatus state={state} />
      <TextField label="Full name" name="name" autoComplete="name" required error={fieldError(state, "name")} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required error={fieldError(state, "email")} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters."
        error={fieldError(state, "password")}
      />
      <SubmitButton pendingText="Creating account…" className="w-full">
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
