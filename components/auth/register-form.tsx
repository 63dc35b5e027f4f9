"use client";

import { TextField } from "@/components/ui/field";
import { FormStatus, fieldError } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/errors";
import { useFormAction } from "@/components/ui/use-form-action";

/** Name, email and password: used by self-registration and (with the setup code) by the first administrator's setup. */
export function RegisterForm({ action: submit, submitLabel, setupCode = false }: { action: FormAction; submitLabel: string; setupCode?: boolean }) {
  const { state, action, formRef, kept } = useFormAction(submit);
  return (
    <form key={kept.key} ref={formRef} action={action} className="space-y-4" noValidate>
      <FormStatus state={state} />
      {setupCode && (
        <TextField
          label="Setup code"
          name="setupCode"
          autoComplete="off"
          required
          defaultValue={kept.value("setupCode")}
          hint="Printed on the server's console when Stacks started (npm start)."
          error={fieldError(state, "setupCode")}
        />
      )}
      <TextField label="Full name" name="name" autoComplete="name" required defaultValue={kept.value("name")} error={fieldError(state, "name")} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required defaultValue={kept.value("email")} error={fieldError(state, "email")} />
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
