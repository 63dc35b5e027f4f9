"use client";

import { keepHistoryForeverAction } from "@/app/account/actions";
import { ActionForm } from "@/components/ui/action-form";

/** Offered when the library anonymises returned loans after a while: the patron may keep theirs. */
export function KeepForeverForm({ days, forever }: { days: number; forever: boolean }) {
  return (
    <ActionForm action={keepHistoryForeverAction} submit={{ label: "Save history choice", pendingText: "Saving…", variant: "secondary" }} className="space-y-2">
      {() => (
        <div className="flex items-start gap-3">
          <input id="forever" name="forever" type="checkbox" defaultChecked={forever} aria-describedby="forever-hint" className="mt-1 size-5 shrink-0" />
          <div>
            <label htmlFor="forever" className="font-medium text-stone-900">
              Keep my history beyond {days} days
            </label>
            <p id="forever-hint" className="text-sm text-stone-600">
              The library removes your name from books returned more than {days} days ago unless you tick this.
            </p>
          </div>
        </div>
      )}
    </ActionForm>
  );
}
