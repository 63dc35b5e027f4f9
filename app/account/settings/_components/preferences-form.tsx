"use client";

import { useActionState } from "react";
import { preferencesAction } from "@/app/account/actions";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import type { NotificationKind } from "@/lib/generated/sqlite/enums";
import type { ChannelChoice } from "@/lib/notifications/kinds";

type Kind = { kind: NotificationKind; label: string; description: string };

export function PreferencesForm({ kinds, choices }: { kinds: Kind[]; choices: Record<NotificationKind, ChannelChoice> }) {
  const [state, action] = useActionState(preferencesAction, null);
  return (
    <form action={action} className="space-y-4">
      {kinds.map(({ kind, label, description }) => (
        <fieldset key={kind} className="rounded-lg border border-stone-200 bg-white p-4">
          <legend className="px-1 font-semibold">{label}</legend>
          <p className="text-sm text-stone-600">{description}</p>
          <div className="mt-2 flex flex-wrap gap-6">
            <label className="flex items-center gap-2">
              <input type="checkbox" name={`${kind}.inApp`} defaultChecked={choices[kind].inApp} className="size-5" />
              In the app
            </label>
            <label className="flex items-center gap-2">
              <input type="checkbox" name={`${kind}.email`} defaultChecked={choices[kind].email} className="size-5" />
              By email
            </label>
          </div>
        </fieldset>
      ))}
      <SubmitButton pendingText="Saving…">Save settings</SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}
