"use client";

import { useActionState } from "react";
import { keepHistoryAction } from "@/app/account/actions";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";

export function KeepHistoryForm({ keepHistory }: { keepHistory: boolean }) {
  const [state, action] = useActionState(keepHistoryAction, null);
  return (
    <form action={action} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
      <div className="flex items-start gap-3">
        <input id="keepHistory" name="keepHistory" type="checkbox" defaultChecked={keepHistory} className="mt-1 size-5" />
        <label htmlFor="keepHistory">
          <span className="font-medium">Keep my borrowing history</span>
          <span className="block text-sm text-stone-600">Turning this off forgets the books you have returned, now and from now on.</span>
        </label>
      </div>
      <SubmitButton variant="secondary" pendingText="Saving…">
        Save
      </SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}
