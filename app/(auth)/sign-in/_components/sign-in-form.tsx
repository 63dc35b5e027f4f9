"use client";

import { Link } from "@/components/ui/link";
import { signInAction } from "@/app/(auth)/actions";
import { TextField } from "@/components/ui/field";
import { FormStatus, fieldError } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const { state, action, formRef, kept } = useFormAction(signInAction);
  return (
    <form key={kept.key} ref={formRef} action={action} className="space-y-4" noValidate>
      <FormStatus state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField
        label="Email or card number"
        name="identifier"
        autoComplete="username"
        required
        defaultValue={kept.value("identifier")}
        error={fieldError(state, "identifier")}
      />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required error={fieldError(state, "password")} />
      <p className="text-sm">
        <Link href="/forgot-password" className="font-medium text-brand-700 underline">
          Forgot password?
        </Link>
      </p>
      <SubmitButton pendingText="Signing in…" className="w-full">
        Sign in
      </SubmitButton>
      <p className="text-sm text-stone-700">
        New here?{" "}
        <Link href="/register" className="font-medium text-brand-700 underline">
          Register for a library card
        </Link>
      </p>
    </form>
  );
}
