"use client";

import type { ReactNode } from "react";
import type { ActionResult, FormAction } from "@/lib/errors";
import { FormStatus } from "./form-status";
import { SubmitButton } from "./submit-button";
import { useFormAction } from "./use-form-action";

/**
 * A form that submits to a server action: the outcome is announced above the fields, the
 * fields are given the last result (for their errors) and what to show again after a refusal
 * (see useFormAction), and the button is disabled while it runs.
 */
export function ActionForm<T>({
  action: run,
  hidden = {},
  submit: { label, pendingText, variant },
  className = "space-y-4",
  children,
}: {
  action: FormAction<T>;
  hidden?: Record<string, string | number>;
  submit: { label: string; pendingText: string; variant?: "primary" | "secondary" };
  className?: string;
  children: (state: ActionResult<T> | null, kept: ReturnType<typeof useFormAction<T>>["kept"]) => ReactNode;
}) {
  const { state, action, formRef, kept } = useFormAction(run);
  return (
    <form key={kept.key} ref={formRef} action={action} className={className} noValidate>
      <FormStatus state={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children(state, kept)}
      <SubmitButton variant={variant} pendingText={pendingText}>
        {label}
      </SubmitButton>
    </form>
  );
}
