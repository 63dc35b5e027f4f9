"use client";

import { updateOpeningDaysAction } from "@/app/admin/calendar/actions";
import { ActionForm } from "@/components/ui/action-form";
import { fieldError } from "@/components/ui/form-status";
import { WEEKDAYS } from "@/lib/policies/opening-days";

// Monday first, as a week is read; the values stay 0 (Sunday) to 6.
const WEEK = [1, 2, 3, 4, 5, 6, 0];

/** The weekdays the library is closed every week, and whether fines count closed days. */
export function OpeningDaysForm({ closedWeekdays, noFinesOnClosedDays }: { closedWeekdays: number[]; noFinesOnClosedDays: boolean }) {
  return (
    <ActionForm action={updateOpeningDaysAction} submit={{ label: "Save opening days", pendingText: "Saving…" }} className="max-w-xl space-y-4">
      {(state, kept) => (
        <>
          <fieldset className="space-y-2" aria-describedby={fieldError(state, "closedWeekdays") ? "closedWeekdays-error" : "weekdays-hint"}>
            <legend className="text-sm font-medium text-stone-800">Closed every week on</legend>
            <p id="weekdays-hint" className="text-sm text-stone-600">
              A loan that would fall due on a closed day is due the next open day.
            </p>
            <div className="flex flex-wrap gap-x-5 gap-y-2">
              {WEEK.map((d) => (
                <label key={d} className="flex items-center gap-2">
                  <input type="checkbox" name={`closed.${d}`} defaultChecked={kept.checked(`closed.${d}`, closedWeekdays.includes(d))} className="size-4" />
                  {WEEKDAYS[d]}
                </label>
              ))}
            </div>
            {fieldError(state, "closedWeekdays") && (
              <p id="closedWeekdays-error" className="text-sm text-red-800">
                {fieldError(state, "closedWeekdays")}
              </p>
            )}
          </fieldset>
          <div className="flex items-start gap-3">
            <input
              id="noFinesOnClosedDays"
              name="noFinesOnClosedDays"
              type="checkbox"
              defaultChecked={kept.checked("noFinesOnClosedDays", noFinesOnClosedDays)}
              aria-describedby="noFinesOnClosedDays-hint"
              className="mt-1 size-5 shrink-0"
            />
            <div>
              <label htmlFor="noFinesOnClosedDays" className="font-medium text-stone-900">
                No overdue fines for days the library is closed
              </label>
              <p id="noFinesOnClosedDays-hint" className="text-sm text-stone-600">
                A book returned late after a closed weekend is fined only for the open days. When off, every late day counts.
              </p>
            </div>
          </div>
        </>
      )}
    </ActionForm>
  );
}
