"use client";

import { useActionState } from "react";
import { runDailyJobAction } from "@/app/admin/notifications/actions";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";

/** Runs the scheduler's daily job now and says what it did. */
export function RunDailyJobButton() {
  const [state, action] = useActionState(runDailyJobAction, null);
  return (
    <form action={action} className="space-y-2">
      <SubmitButton variant="secondary" pendingText="Running the daily job…">Run daily job now</SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}
