"use client";

import { ConfirmAction } from "@/components/ui/confirm-action";
import { TextField } from "@/components/ui/field";
import { fieldError } from "@/components/ui/form-status";
import type { FormAction } from "@/lib/errors";

/** Marking a copy lost charges the patron its replacement cost, so the desk asks first (Enter, then Enter again). */
export function MarkLostForm({ action }: { action: FormAction }) {
  return (
    <ConfirmAction
      action={action}
      fields={{}}
      label="Mark lost"
      question="Mark this copy lost? Its loan ends and the patron is charged the copy’s replacement cost."
      confirmLabel="Confirm mark lost"
      pendingText="Marking lost…"
    >
      {(state, kept) => <TextField label="Barcode of lost copy" name="barcode" defaultValue={kept.value("barcode")} autoComplete="off" error={fieldError(state, "barcode")} />}
    </ConfirmAction>
  );
}
