"use client";

import { useActionState } from "react";
import { updateSettingsAction } from "@/app/admin/settings/actions";
import { SelectField, TextField } from "@/components/ui/field";
import { FormStatus, fieldError } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";

export function SettingsForm({ values, timeZones }: { values: { name: string; timeZone: string; currency: string }; timeZones: string[] }) {
  const [state, action] = useActionState(updateSettingsAction, null);
  return (
    <form action={action} className="max-w-xl space-y-4" noValidate>
      <FormStatus state={state} />
      <TextField label="Library name" name="name" defaultValue={values.name} required error={fieldError(state, "name")} />
      <SelectField label="Time zone" name="timeZone" defaultValue={values.timeZone} error={fieldError(state, "timeZone")} hint="Due dates end at midnight here, and “today” on the dashboard is this zone’s day.">
        {timeZones.map((tz) => (
          <option key={tz} value={tz}>
            {tz}
          </option>
        ))}
      </SelectField>
      <TextField label="Currency" name="currency" defaultValue={values.currency} maxLength={3} required error={fieldError(state, "currency")} hint="Three-letter ISO code, like USD or EUR." className="max-w-40" />
      <SubmitButton pendingText="Saving…">Save settings</SubmitButton>
    </form>
  );
}
