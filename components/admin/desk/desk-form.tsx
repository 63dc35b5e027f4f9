"use client";

import { useActionState, useEffect, useRef, type ReactNode } from "react";
import { inputClass } from "@/components/ui/field";
import { FormStatus, fieldError } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/errors";

type Field = { name: string; label: string; type?: string; inputMode?: "text" | "decimal"; required?: boolean };

/**
 * A desk form for scanners and keyboards: Enter submits, the first field is emptied and takes
 * the focus again after each submission, so the next barcode can be scanned straight away.
 */
export function DeskForm({
  action: submit,
  fields,
  hidden = {},
  submitLabel,
  pendingText,
  autoFocus = false,
  children,
}: {
  action: FormAction;
  fields: Field[];
  hidden?: Record<string, string | number>;
  submitLabel: string;
  pendingText: string;
  autoFocus?: boolean;
  children?: ReactNode;
}) {
  const [state, action] = useActionState(submit, null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (state) first.current?.focus();
  }, [state]);
  return (
    <form action={action} className="space-y-3">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="flex flex-wrap items-end gap-3">
        {fields.map((field, i) => {
          const id = `${submitLabel.replace(/\W+/g, "-").toLowerCase()}-${field.name}`;
          const error = fieldError(state, field.name);
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
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                className={inputClass}
              />
              {error && (
                <p id={`${id}-error`} className="text-sm font-medium text-red-700">
                  {error}
                </p>
              )}
            </div>
          );
        })}
        <SubmitButton pendingText={pendingText}>{submitLabel}</SubmitButton>
      </div>
      {children}
      <FormStatus state={state} />
    </form>
  );
}
