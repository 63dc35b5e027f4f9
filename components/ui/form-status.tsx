import type { ActionResult } from "@/lib/errors";
import { Notice } from "./notice";

/** The message of the last submission of a form, if any. */
export function FormStatus({ state }: { state: ActionResult<unknown> | null }) {
  if (!state) return null;
  if (!state.ok) return <Notice tone="error">{state.message}</Notice>;
  return state.message ? <Notice tone="success">{state.message}</Notice> : null;
}

export function fieldError(state: ActionResult<unknown> | null, field: string): string | undefined {
  return state && !state.ok ? state.fields?.[field] : undefined;
}
