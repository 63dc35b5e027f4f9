"use client";

import { useActionState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/errors";

/** A button acting on one record at once (renew a loan, confirm a hold on the shelf); its outcome shows beside it. For one that changes money or data, see ConfirmAction. */
export function RecordActionButton({
  action: submit,
  field,
  id,
  label,
  accessibleName,
  pendingText,
  variant = "secondary",
}: {
  action: FormAction;
  field: "loanId" | "holdId";
  id: number;
  label: string;
  accessibleName: string;
  pendingText: string;
  variant?: "primary" | "secondary" | "danger";
}) {
  const [state, action] = useActionState(submit, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name={field} value={id} />
      <SubmitButton pendingText={pendingText} variant={variant} ariaLabel={accessibleName}>
        {label}
      </SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}
