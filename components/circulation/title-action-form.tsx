"use client";

import { useActionState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/errors";

/** One button acting on a title (Borrow, Reserve), with the outcome announced beside it. */
export function TitleActionForm({
  action: submit,
  titleId,
  label,
  pendingText,
  variant = "primary",
}: {
  action: FormAction;
  titleId: number;
  label: string;
  pendingText: string;
  variant?: "primary" | "secondary";
}) {
  const [state, action] = useActionState(submit, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="titleId" value={titleId} />
      {!state?.ok && (
        <SubmitButton pendingText={pendingText} variant={variant} className="w-full sm:w-auto">
          {label}
        </SubmitButton>
      )}
      <FormStatus state={state} />
    </form>
  );
}
