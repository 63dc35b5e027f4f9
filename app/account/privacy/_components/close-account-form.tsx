"use client";

import { closeAccountAction } from "@/app/account/actions";
import { ConfirmAction } from "@/components/ui/confirm-action";

export function CloseAccountForm({ question }: { question: string }) {
  return (
    <ConfirmAction
      action={closeAccountAction}
      fields={{}}
      label="Close my account"
      question={question}
      confirmLabel="Confirm closing my account"
      cancelLabel="Keep my account"
      variant="danger"
    />
  );
}
