"use client";

import { addClosureAction } from "@/app/admin/calendar/actions";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { fieldError } from "@/components/ui/form-status";

/** An administrator adds a holiday or a run of days the library is closed. */
export function NewClosureForm() {
  return (
    <ActionForm action={addClosureAction} submit={{ label: "Add closure", pendingText: "Adding…" }} className="max-w-xl space-y-4">
      {(state, kept) => (
        <>
          <TextField label="Closure name" name="name" required defaultValue={kept.value("name")} error={fieldError(state, "name")} hint="Shown to patrons, like Christmas or Stocktaking." />
          <div className="flex flex-wrap gap-4">
            <TextField label="First day closed" name="startsOn" type="date" required defaultValue={kept.value("startsOn")} error={fieldError(state, "startsOn")} className="max-w-48" />
            <TextField
              label="Last day closed"
              name="endsOn"
              type="date"
              defaultValue={kept.value("endsOn")}
              error={fieldError(state, "endsOn")}
              hint="Leave empty for a single day."
              className="max-w-48"
            />
          </div>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="yearly" defaultChecked={kept.checked("yearly", false)} className="size-4" />
            Every year on these dates
          </label>
        </>
      )}
    </ActionForm>
  );
}
