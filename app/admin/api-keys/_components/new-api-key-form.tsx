"use client";

import { createApiKeyAction } from "@/app/admin/api-keys/actions";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { fieldError } from "@/components/ui/form-status";
import { API_SCOPE_LABELS, API_SCOPES } from "@/lib/api-keys/scopes";

/** An administrator creates a key for another system; the key is shown this once. */
export function NewApiKeyForm() {
  return (
    <ActionForm action={createApiKeyAction} submit={{ label: "Create key", pendingText: "Creating…" }} className="max-w-xl space-y-4">
      {(state, kept) => (
        <>
          {state?.ok && state.data?.key && (
            <div className="space-y-1 rounded-md border border-amber-300 bg-amber-50 p-3">
              <TextField label="New API key (shown once)" name="createdKey" readOnly value={state.data.key} className="font-mono" hint="Put it in the other system's settings now; only its first characters are kept here." />
            </div>
          )}
          <TextField label="Key name" name="name" required autoComplete="off" defaultValue={kept.value("name")} error={fieldError(state, "name")} hint="Who uses it, such as Discovery layer or School timetable; shown in the audit log." />
          <fieldset className="space-y-2" aria-describedby={fieldError(state, "scopes") ? "scopes-error" : undefined}>
            <legend className="text-sm font-medium text-stone-800">What it may do</legend>
            {API_SCOPES.map((scope) => (
              <label key={scope} className="flex items-center gap-2">
                <input type="checkbox" name={`scope.${scope}`} defaultChecked={kept.checked(`scope.${scope}`, scope === "catalogue:read")} className="size-4" />
                {API_SCOPE_LABELS[scope]}
              </label>
            ))}
            {fieldError(state, "scopes") && (
              <p id="scopes-error" className="text-sm text-red-800">
                {fieldError(state, "scopes")}
              </p>
            )}
          </fieldset>
        </>
      )}
    </ActionForm>
  );
}
