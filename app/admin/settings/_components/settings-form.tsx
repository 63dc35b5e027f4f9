"use client";

import { updateSettingsAction } from "@/app/admin/settings/actions";
import { ActionForm } from "@/components/ui/action-form";
import { SelectField, TextField } from "@/components/ui/field";
import { fieldError } from "@/components/ui/form-status";

type Values = { name: string; timeZone: string; currency: string; dailyJobTime: string; selfServiceReturn: boolean; keepLostChargeWhenFound: boolean; anonymiseLoansAfterDays: number | null };

export function SettingsForm({ values, timeZones }: { values: Values; timeZones: string[] }) {
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
            hint="Each day at this time, in the library’s time zone, the server sends due-soon reminders and overdue notices, and expires uncollected reservations. Where an outside scheduler calls the daily job instead (Docker Compose, Vercel), its own schedule sets the time."
            className="max-w-40"
          />
          <fieldset className="space-y-4 border-t border-stone-200 pt-4">
            <legend className="text-base font-semibold text-stone-900">Returns</legend>
            <CheckboxChoice
              name="selfServiceReturn"
              checked={kept.checked("selfServiceReturn", values.selfServiceReturn)}
              label="Patrons may return books from their account"
              hint="For an honour-system library. When off, My loans has no Return button and tells patrons to bring books to the desk or the book drop."
            />
            <CheckboxChoice
              name="keepLostChargeWhenFound"
              checked={kept.checked("keepLostChargeWhenFound", values.keepLostChargeWhenFound)}
              label="Keep the replacement charge when a lost book comes back"
              hint="When off, checking in a book that was marked lost takes its replacement charge off the patron’s account (and any part already paid is to be handed back)."
            />
          </fieldset>
          <fieldset className="space-y-4 border-t border-stone-200 pt-4">
            <legend className="text-base font-semibold text-stone-900">Privacy</legend>
            <TextField
              label="Anonymise returned loans after (days)"
              name="anonymiseLoansAfterDays"
              type="number"
              inputMode="numeric"
              min={1}
              defaultValue={kept.value("anonymiseLoansAfterDays", values.anonymiseLoansAfterDays?.toString() ?? "")}
              error={fieldError(state, "anonymiseLoansAfterDays")}
              hint="Blank keeps loans as they are. Otherwise the daily job removes the patron from loans returned longer ago (the copy and dates stay for reports), except for patrons who chose to keep their history, and for loans with a fine still owed."
              className="max-w-40"
            />
          </fieldset>
        </>
      )}
    </ActionForm>
  );
}

function CheckboxChoice({ name, checked, label, hint }: { name: string; checked: boolean; label: string; hint: string }) {
  return (
    <div className="flex items-start gap-3">
      <input id={name} name={name} type="checkbox" defaultChecked={checked} aria-describedby={`${name}-hint`} className="mt-1 size-5 shrink-0" />
      <div>
        <label htmlFor={name} className="font-medium text-stone-900">
          {label}
        </label>
        <p id={`${name}-hint`} className="text-sm text-stone-600">
          {hint}
        </p>
      </div>
    </div>
  );
}
