"use client";

import { type RefObject, useEffect, useRef, type ReactNode } from "react";
import { inputClass } from "@/components/ui/field";
import { FormStatus, fieldError } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult, FormAction } from "@/lib/errors";
import { INVALID_FIELDS_MESSAGE } from "@/lib/validation";
import { DESK_OUTCOME_ID, type DeskSlip, useDeskReport } from "./desk-visit";
import { ScanWithCamera } from "./scan-with-camera";

/** `scan` offers the camera on a phone or tablet, naming what is scanned ("copy") for its button. */
type Field = { name: string; label: string; type?: string; inputMode?: "text" | "decimal"; required?: boolean; scan?: string };
type Choice = { name: string; legend: string; options: readonly { value: string; label: string }[] };

/** What a desk action may say besides its message: that the librarian should look twice, and slips to print. */
export type DeskReply = { warning?: boolean; slips?: DeskSlip[] } | undefined;

/**
 * A desk form for scanners and keyboards: Enter submits, and the outcome goes to the desk's one
 * message area (not beside the form, so a message is never shown twice). After a success the
 * first field is emptied and takes the focus again, so the next barcode can be scanned straight
 * away; after a refusal the fields keep what was typed, selected, so a fresh scan replaces it.
 */
/** Sends a desk result to the desk's message area and puts the focus where the next scan goes. */
function useDeskOutcome<T extends DeskReply>(state: ActionResult<T> | null, formRef: RefObject<HTMLFormElement | null>, first: RefObject<HTMLElement | null>) {
  const report = useDeskReport();
  const handled = useRef<ActionResult<T> | null>(null);
  useEffect(() => {
    if (!state || handled.current === state) return;
    handled.current = state;
    if (state.ok) {
      if (state.message) report?.(state.data?.warning ? "warning" : "success", state.message, { slips: state.data?.slips });
      first.current?.focus();
    } else {
      // The desk has one message area and no text beside the fields, so it says what the fields' messages say.
      report?.("error", state.message === INVALID_FIELDS_MESSAGE ? [...new Set(Object.values(state.fields ?? {}))].join(" ") : state.message);
      const field = formRef.current?.querySelector<HTMLInputElement>('input[aria-invalid="true"]') ?? first.current;
      field?.focus();
      if (field instanceof HTMLInputElement) field.select();
    }
  }, [state, report, formRef, first]);
  // Standing alone, the form shows its own outcome.
  return report ? null : <FormStatus state={state} />;
}

export function DeskForm<T extends DeskReply>({
  action: submit,
  fields,
  choice,
  hidden = {},
  submitLabel,
  pendingText,
  autoFocus = false,
  children,
}: {
  action: FormAction<T>;
  fields: Field[];
  /** Radio buttons after the fields (how a payment was taken); the first option is the default. */
  choice?: Choice;
  hidden?: Record<string, string | number>;
  submitLabel: string;
  pendingText: string;
  autoFocus?: boolean;
  children?: ReactNode;
}) {
  const { state, action, formRef, kept } = useFormAction(submit);
  const first = useRef<HTMLInputElement>(null);
  const status = useDeskOutcome(state, formRef, first);
  const prefix = submitLabel.replace(/\W+/g, "-").toLowerCase();
  return (
    <form key={kept.key} ref={formRef} action={action} className="space-y-3">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="flex flex-wrap items-end gap-3">
        {fields.map((field, i) => {
          const id = `${prefix}-${field.name}`;
          const invalid = Boolean(fieldError(state, field.name));
          return (
            <div key={field.name} className="min-w-40 flex-1 space-y-1">
              <label htmlFor={id} className="block text-sm font-medium text-stone-800">
                {field.label}
              </label>
              <input
                ref={i === 0 ? first : undefined}
                id={id}
                name={field.name}
                type={field.type ?? "text"}
                inputMode={field.inputMode}
                autoComplete="off"
                autoFocus={autoFocus && i === 0}
                required={field.required ?? true}
                defaultValue={kept.value(field.name)}
                aria-invalid={invalid ? true : undefined}
                aria-describedby={invalid ? DESK_OUTCOME_ID : undefined}
                className={inputClass}
              />
              {field.scan && <ScanWithCamera inputId={id} purpose={field.scan} />}
            </div>
          );
        })}
        {choice && (
          <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-1">
            <legend className="mb-1 text-sm font-medium text-stone-800">{choice.legend}</legend>
            {choice.options.map((option) => (
              <label key={option.value} className="flex min-h-10 items-center gap-2 text-sm">
                <input type="radio" name={choice.name} value={option.value} defaultChecked={kept.value(choice.name, choice.options[0].value) === option.value} className="size-4" />
                {option.label}
              </label>
            ))}
          </fieldset>
        )}
        <SubmitButton pendingText={pendingText}>{submitLabel}</SubmitButton>
      </div>
      {children}
      {status}
    </form>
  );
}

/** A one-button desk action on a record (renew a loan): its outcome goes to the desk's message area. */
export function DeskButton<T extends DeskReply>({
  action: submit,
  hidden,
  label,
  accessibleName,
  pendingText,
}: {
  action: FormAction<T>;
  hidden: Record<string, string | number>;
  label: string;
  accessibleName: string;
  pendingText: string;
}) {
  const { state, action, formRef } = useFormAction(submit);
  const button = useRef<HTMLElement>(null);
  useEffect(() => {
    button.current = formRef.current?.querySelector("button") ?? null;
  });
  const status = useDeskOutcome(state, formRef, button);
  return (
    <form ref={formRef} action={action}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton pendingText={pendingText} variant="secondary" ariaLabel={accessibleName}>
        {label}
      </SubmitButton>
      {status}
    </form>
  );
}
