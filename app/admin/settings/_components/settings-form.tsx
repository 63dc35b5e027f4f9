"use client";

import { updateSettingsAction } from "@/app/admin/settings/actions";
import { ActionForm } from "@/components/ui/action-form";
import { SelectField, TextField } from "@/components/ui/field";
import { fieldError } from "@/components/ui/form-status";

export function SettingsForm({ values, timeZones }: { values: { name: string; timeZone: string; currency: string; dailyJobTime: string }; timeZones: string[] }) {
  return (
    <ActionForm action={updateSettingsAction} submit={{ label: "Save settings", pendingText: "Saving…" }} className="max-w-xl space-y-4">
      {(state, kept) => (
        <>
          <TextField label="Library name" name="name" defaultValue={kept.value("name", values.name)} required error={fieldError(state, "name")} />
          <SelectField
            label="Time zone"
            name="timeZone"
            defaultValue={kept.value("timeZone", values.timeZone)}
            error={fieldError(state, "timeZone")}
            hint="Due dates end at midnight here, and “today” on the dashboard is this zone’s day."
            choices={timeZones.map((tz) => ({ value: tz, label: tz }))}
          />
          <TextField label="Currency" name="currency" defaultValue={kept.value("currency", values.currency)} maxLength={3} required error={fieldError(state, "currency")} hint="Three-letter ISO code, like USD or EUR." className="max-w-40" />
          <TextField
            label="Daily notices time"
            name="dailyJobTime"
            type="time"
            defaultValue={kept.value("dailyJobTime", values.dailyJobTime)}
            required
            error={fieldError(state, "dailyJobTime")}
            hint="Each day at this time, in the library’s time zone, the server sends due-soon reminders and overdue notices, and expires uncollected reservations."
            className="max-w-40"
          />
        </>
      )}
    </ActionForm>
  );
}
