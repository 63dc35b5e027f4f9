"use client";

import { useActionState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/errors";

/** One loan's outcome, in words the server wrote ("Renewed until …" or "Not renewed: …"). */
export type RenewAllReport = { outcomes: { loanId: number; title: string; renewed: boolean; text: string }[] };

/** "Renew all": every loan is tried, and each one's outcome is listed, renewed or not and why. */
export function RenewAllButton({ action: submit }: { action: FormAction<RenewAllReport> }) {
  const [state, action] = useActionState(submit, null);
  return (
    <form action={action} className="space-y-3">
      <SubmitButton pendingText="Renewing all…" variant="secondary">
        Renew all
      </SubmitButton>
      <div className="space-y-2">
        <FormStatus state={state} />
        {state?.ok && state.data.outcomes.length > 0 && (
          <ul aria-label="Renewal outcomes" className="list-disc space-y-1 pl-5 text-sm">
            {state.data.outcomes.map((o) => (
              <li key={o.loanId} className={o.renewed ? undefined : "text-red-800"}>
                <span className="font-medium">{o.title}</span>: {o.text}
              </li>
            ))}
          </ul>
        )}
      </div>
    </form>
  );
}
