"use client";

import { useActionState } from "react";
import { keepHistoryAction } from "@/app/account/actions";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { plural } from "@/lib/format";

/** Reading privacy: turning history off forgets past loans for good, so it asks first; turning it on does not. */
export function KeepHistoryForm({ keepHistory, returned }: { keepHistory: boolean; returned: number }) {
  const [state, turnOn] = useActionState(keepHistoryAction, null);
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
      {/* Always mounted, so the outcome of turning history off stays on screen once it is off. */}
      <ConfirmAction
        action={keepHistoryAction}
        fields={{}}
        label="Turn history off"
        question={`Turn history off? ${returned > 0 ? `The ${plural(returned, "book")} you have returned will be forgotten for good.` : "Books you return will be forgotten."} This cannot be undone.`}
        confirmLabel="Confirm turning history off"
        cancelLabel="Keep my history"
        pendingText="Turning off…"
        done={!keepHistory}
      />
      {!keepHistory && (
        <form action={turnOn} className="space-y-2">
          <input type="hidden" name="keepHistory" value="on" />
          <FormStatus state={state} />
          <SubmitButton variant="secondary" pendingText="Turning on…">
            Turn history on
          </SubmitButton>
        </form>
      )}
    </section>
  );
}
