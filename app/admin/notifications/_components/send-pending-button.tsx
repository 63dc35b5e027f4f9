"use client";

import { useActionState } from "react";
import { sendPendingAction } from "@/app/admin/notifications/actions";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";

export function SendPendingButton() {
  const [state, action] = useActionState(sendPendingAction, null);
  return (
    <form action={action} className="space-y-2">
      <SubmitButton variant="secondary" pendingText="Sending…">Send pending now</SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}
