"use client";

import { createSipDeviceAction } from "@/app/admin/devices/actions";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { fieldError } from "@/components/ui/form-status";
import { SIP_OPERATION_LABELS, SIP_OPERATIONS } from "@/lib/sip2/operations";

const DEFAULT_OPERATIONS = new Set(["checkout", "checkin", "renew", "patron", "item"]);

/** An administrator adds a self-check kiosk or an e-book vendor's SIP2 account. */
export function NewDeviceForm() {
  return (
    <ActionForm action={createSipDeviceAction} submit={{ label: "Add device", pendingText: "Adding…" }} className="max-w-xl space-y-4">
      {(state, kept) => (
        <>
          <TextField label="Login" name="login" required autoComplete="off" defaultValue={kept.value("login")} error={fieldError(state, "login")} hint="What the device sends as its SIP2 login (CN), such as kiosk-entrance or overdrive." />
          <TextField label="Password" name="password" type="password" required autoComplete="new-password" error={fieldError(state, "password")} hint="At least 8 characters; stored hashed and never shown again." />
          <TextField label="Institution id" name="institutionId" defaultValue={kept.value("institutionId", "stacks")} error={fieldError(state, "institutionId")} hint="The AO field the device sends; most kiosks accept what you enter here." />
          <TextField label="Location" name="location" defaultValue={kept.value("location")} error={fieldError(state, "location")} hint="Where the kiosk stands, shown in the audit log." />
          <fieldset className="space-y-2" aria-describedby={fieldError(state, "operations") ? "operations-error" : undefined}>
            <legend className="text-sm font-medium text-stone-800">What it may do</legend>
            {SIP_OPERATIONS.map((op) => (
              <label key={op} className="flex items-center gap-2">
                <input type="checkbox" name={`op.${op}`} defaultChecked={kept.checked(`op.${op}`, DEFAULT_OPERATIONS.has(op))} className="size-4" />
                {SIP_OPERATION_LABELS[op]}
              </label>
            ))}
            {fieldError(state, "operations") && (
              <p id="operations-error" className="text-sm text-red-800">
                {fieldError(state, "operations")}
              </p>
            )}
          </fieldset>
        </>
      )}
    </ActionForm>
  );
}
