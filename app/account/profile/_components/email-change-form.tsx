"use client";

import { requestEmailChangeAction } from "@/app/account/actions";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { fieldError } from "@/components/ui/form-status";

/** A new address is confirmed by a link sent to it; the old one is told once it changes. */
export function EmailChangeForm({ email }: { email: string | null }) {
  return (
    <section aria-labelledby="email-change-heading" className="mt-8 max-w-xl space-y-3 border-t border-stone-200 pt-6">
      <h2 id="email-change-heading" className="text-lg font-semibold">
        Email address
      </h2>
      <p className="text-sm text-stone-700">{email ? `Now: ${email}.` : "Your account has no email address yet."} We send a link to the new address; it changes when you follow it.</p>
      <ActionForm action={requestEmailChangeAction} submit={{ label: "Send confirmation link", pendingText: "Sending…" }}>
        {(state, kept) => (
          <>
            <TextField label="New email address" name="newEmail" type="email" autoComplete="email" required defaultValue={kept.value("newEmail")} error={fieldError(state, "newEmail")} />
            <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={fieldError(state, "currentPassword")} />
          </>
        )}
      </ActionForm>
    </section>
  );
}
