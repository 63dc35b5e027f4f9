"use client";

import { useActionState, useState } from "react";
import { keepHistoryAction } from "@/app/account/actions";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormAction } from "@/lib/errors";
import { plural } from "@/lib/format";

/**
 * Reading privacy: turning history off forgets past loans for good, so it asks first; turning
 * it on does not. Only the latest outcome shows: each change starts the other control afresh.
 */
export function KeepHistoryForm({ keepHistory, returned }: { keepHistory: boolean; returned: number }) {
  const [turnedOff, setTurnedOff] = useState(0);
  const [turnedOn, setTurnedOn] = useState(0);
  const counting =
    (count: (update: (n: number) => number) => void): FormAction =>
    async (prev, form) => {
      const result = await keepHistoryAction(prev, form);
      if (result.ok) count((n) => n + 1);
      return result;
    };
  return (
    <section aria-labelledby="keep-history-heading" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="keep-history-heading" className="font-medium">
        Borrowing history is {keepHistory ? "on" : "off"}
      </h2>
      <p className="text-sm text-stone-700">
        {keepHistory
          ? "The library keeps a list of the books you have returned, for you alone. Turning it off forgets them, now and from now on."
          : "Books you return are forgotten once they are checked in. Turn history on to keep a list from now on."}
      </p>
      {/* Mounted while history is off too, so the outcome of turning it off stays on screen. */}
      <ConfirmAction
        key={`on-${turnedOn}`}
        action={counting(setTurnedOff)}
        fields={{}}
        label="Turn history off"
        question={`Turn history off? ${returned > 0 ? `The ${plural(returned, "book")} you have returned will be forgotten for good.` : "Books you return will be forgotten."} This cannot be undone.`}
        confirmLabel="Confirm turning history off"
        cancelLabel="Keep my history"
        pendingText="Turning off…"
        done={!keepHistory}
      />
      <TurnOnForm key={`off-${turnedOff}`} action={counting(setTurnedOn)} offered={!keepHistory} />
    </section>
  );
}

function TurnOnForm({ action: submit, offered }: { action: FormAction; offered: boolean }) {
  const [state, action] = useActionState(submit, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="keepHistory" value="on" />
      <FormStatus state={state} />
      {offered && (
        <SubmitButton variant="secondary" pendingText="Turning on…">
          Turn history on
        </SubmitButton>
      )}
    </form>
  );
}
