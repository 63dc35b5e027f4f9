"use client";

import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import type { ActionResult, FormAction } from "@/lib/errors";
import { Button } from "./button";
import { FormStatus } from "./form-status";
import { SubmitButton } from "./submit-button";
import { useFormAction } from "./use-form-action";

/**
 * The one way to ask before an action that changes money or data (return a book, cancel a hold,
 * block an account): the question and a confirm button appear in place of the button, so the
 * choice is read out and reachable by keyboard (no browser dialog). The confirm button takes the
 * focus; Cancel or Escape puts it back on the button. Accessible names contain the visible text.
 * Fields the action needs (a reason) go in `children`; they keep what was typed after a refusal.
 */
export function ConfirmAction<T>({
  action,
  fields,
  label,
  accessibleName,
  question,
  confirmLabel,
  confirmName,
  cancelLabel = "Cancel",
  pendingText = "Working…",
  variant = "secondary",
  confirmVariant = "danger",
  done = false,
  outcome,
  children,
}: {
  action: FormAction<T>;
  fields: Record<string, string | number>;
  /** The button's visible text ("Return"). */
  label: string;
  /** When the visible text alone is ambiguous in a list ("Return Emma"); it must contain `label`. */
  accessibleName?: string;
  question: ReactNode;
  /** The confirm button's visible text ("Confirm return"). */
  confirmLabel: string;
  /** Its accessible name where the label is ambiguous ("Confirm return of Emma"); it must contain `confirmLabel`. */
  confirmName?: string;
  cancelLabel?: string;
  pendingText?: string;
  variant?: "primary" | "secondary" | "danger";
  confirmVariant?: "primary" | "danger";
  /** The thing is done (a copy now withdrawn): only the outcome's message stays. */
  done?: boolean;
  /** What to show of a successful result beyond its message (a temporary password). */
  outcome?: (state: ActionResult<T> & { ok: true }) => ReactNode;
  children?: (state: ActionResult<T> | null, kept: ReturnType<typeof useFormAction<T>>["kept"]) => ReactNode;
}) {
  const [asking, setAsking] = useState(false);
  const { state, action: formAction, formRef, kept } = useFormAction<T>(async (prev, form) => {
    const result = await action(prev, form);
    setAsking(false);
    return result;
  });
  const questionId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  // Focus follows the step: onto the confirm button when it appears, back when the question goes
  // (unless a refusal put it on the field in error).
  const opened = useRef(false);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (opened.current && !formRef.current?.querySelector('[aria-invalid="true"]')) triggerRef.current?.focus();
    opened.current = asking;
  }, [asking, formRef]);

  return (
    <div className="space-y-2">
      {!children && <FormStatus state={state} />}
      {state?.ok && outcome?.(state)}
      {done ? null : (
        <form
          key={kept.key}
          ref={formRef}
          action={formAction}
          noValidate
          // Enter in a field asks first too, rather than acting at once.
          onSubmit={(e) => {
            if (!asking) {
              e.preventDefault();
              setAsking(true);
            }
          }}
          onKeyDown={(e) => {
            if (e.key === "Escape") setAsking(false);
          }}
          className="space-y-3"
        >
          {children && <FormStatus state={state} />}
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          {children?.(state, kept)}
          {asking ? (
            <div className="flex flex-wrap items-center gap-2 rounded-md border border-amber-300 bg-amber-50 p-3">
              <p id={questionId} className="w-full text-sm text-amber-950">
                {question}
              </p>
              <SubmitButton ref={confirmRef} variant={confirmVariant} pendingText={pendingText} ariaLabel={confirmName} ariaDescribedBy={questionId}>
                {confirmLabel}
              </SubmitButton>
              <Button variant="secondary" onClick={() => setAsking(false)}>
                {cancelLabel}
              </Button>
            </div>
          ) : (
            <Button ref={triggerRef} variant={variant} aria-label={accessibleName} onClick={() => setAsking(true)}>
              {label}
            </Button>
          )}
        </form>
      )}
    </div>
  );
}
