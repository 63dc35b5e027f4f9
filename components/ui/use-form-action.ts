"use client";

import { useActionState, useEffect, useRef } from "react";
import type { ActionResult, FormAction } from "@/lib/errors";

/**
 * useActionState for a form whose refusal must keep what was submitted. Fields take
 * `kept.value(name, saved)` as their defaultValue; the form takes `key={kept.key}`, which changes
 * with each refusal so the fields remount with the submitted values (React resets a form after
 * its action, and an edit form would otherwise show the saved record beside the error). The
 * first field in error is focused.
 */
export function useFormAction<T>(submit: FormAction<T>) {
  type Attempt = [result: ActionResult<T> | null, refusals: number];
  const [[state, refusals], action] = useActionState(async ([prev, count]: Attempt, form: FormData): Promise<Attempt> => {
    const next = await submit(prev, form);
    return [next, next.ok ? count : count + 1];
  }, [null, 0] as Attempt);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state && !state.ok) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);
  const values = state && !state.ok ? state.values : undefined;
  const kept = {
    key: `attempt-${refusals}`,
    /** The submitted value after a refusal, else the saved (or empty) one. */
    value: (name: string, saved: string | number = "") => values?.[name] ?? String(saved),
    /** A checkbox as submitted after a refusal (absent from the form means unticked), else as saved. */
    checked: (name: string, saved: boolean) => (values ? name in values : saved),
  };
  return { state, action, formRef, kept };
}
