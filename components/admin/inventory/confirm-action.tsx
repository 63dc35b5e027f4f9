"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult, FormAction } from "@/lib/errors";

/**
 * A destructive button that asks first: the question and a "Yes" button appear in place, so
 * the choice is read out and reachable by keyboard (no browser dialog).
 */
export function ConfirmAction({
  action,
  fields,
  label,
  question,
  confirmLabel,
  variant = "secondary",
  done = false,
}: {
  action: FormAction;
  fields: Record<string, string | number>;
  label: string;
  question: string;
  confirmLabel: string;
  variant?: "secondary" | "danger";
  /** The thing is done (a copy now withdrawn): only the outcome's message stays. */
  done?: boolean;
}) {
  const [asking, setAsking] = useState(false);
  const [state, formAction] = useActionState(async (prev: ActionResult | null, form: FormData) => {
    const result = await action(prev, form);
    setAsking(false);
    return result;
  }, null);
  return (
    <div className="space-y-2">
      <FormStatus state={state} />
      {done ? null : asking ? (
        <form action={formAction} className="flex flex-wrap items-center gap-2 rounded-md border border-amber-300 bg-amber-50 p-3">
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <p className="w-full text-sm text-amber-950">{question}</p>
          <SubmitButton variant="danger" pendingText="Working…">
            {confirmLabel}
          </SubmitButton>
          <Button variant="secondary" onClick={() => setAsking(false)}>
            Cancel
          </Button>
        </form>
      ) : (
        <Button variant={variant} onClick={() => setAsking(true)}>
          {label}
        </Button>
      )}
    </div>
  );
}
