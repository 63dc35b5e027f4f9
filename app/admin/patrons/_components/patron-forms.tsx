"use client";

import { useActionState } from "react";
import { blockPatronAction, renewCardAction, resetPasswordAction, unblockPatronAction, updatePatronAction } from "@/app/admin/patrons/actions";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormStatus, fieldError } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";

type Patron = { id: number; name: string; email: string | null; phone: string | null; address: string | null; categoryId: number };

export function EditPatronForm({ patron, categories }: { patron: Patron; categories: { id: number; name: string }[] }) {
  const { state, action, formRef, kept } = useFormAction(updatePatronAction);
  return (
    <form key={kept.key} ref={formRef} action={action} className="space-y-4" noValidate>
      <input type="hidden" name="patronId" value={patron.id} />
      <FormStatus state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Name" name="name" defaultValue={kept.value("name", patron.name)} required autoComplete="off" error={fieldError(state, "name")} />
        <TextField label="Email" name="email" type="email" defaultValue={kept.value("email", patron.email ?? "")} autoComplete="off" error={fieldError(state, "email")} />
        <TextField label="Phone" name="phone" type="tel" defaultValue={kept.value("phone", patron.phone ?? "")} autoComplete="off" error={fieldError(state, "phone")} />
        <SelectField label="Category" name="categoryId" defaultValue={kept.value("categoryId", patron.categoryId)} error={fieldError(state, "categoryId")}>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField label="Address" name="address" rows={3} defaultValue={kept.value("address", patron.address ?? "")} error={fieldError(state, "address")} />
      <SubmitButton pendingText="Saving…">Save details</SubmitButton>
    </form>
  );
}

export function BlockForm({ patronId }: { patronId: number }) {
  const { state, action, formRef, kept } = useFormAction(blockPatronAction);
  return (
    <form key={kept.key} ref={formRef} action={action} className="space-y-3" noValidate>
      <input type="hidden" name="patronId" value={patronId} />
      <FormStatus state={state} />
      <TextField label="Reason for blocking" name="reason" required defaultValue={kept.value("reason")} hint="The patron sees this reason when they try to borrow." error={fieldError(state, "reason")} />
      <SubmitButton variant="danger" pendingText="Blocking…">
        Block account
      </SubmitButton>
    </form>
  );
}

export function UnblockForm({ patronId }: { patronId: number }) {
  const { state, action, formRef, kept } = useFormAction(unblockPatronAction);
  return (
    <form key={kept.key} ref={formRef} action={action} className="space-y-3" noValidate>
      <input type="hidden" name="patronId" value={patronId} />
      <FormStatus state={state} />
      <TextField label="Note (optional)" name="note" defaultValue={kept.value("note")} hint="Kept in the audit trail." error={fieldError(state, "note")} />
      <SubmitButton pendingText="Unblocking…">Unblock account</SubmitButton>
    </form>
  );
}

export function RenewCardForm({ patronId, expired }: { patronId: number; expired: boolean }) {
  const [state, action] = useActionState(renewCardAction, null);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="patronId" value={patronId} />
      <FormStatus state={state} />
      <SubmitButton variant={expired ? "primary" : "secondary"} pendingText="Renewing…">
        Renew card
      </SubmitButton>
    </form>
  );
}

export function ResetPasswordForm({ patronId }: { patronId: number }) {
  const [state, action] = useActionState(resetPasswordAction, null);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="patronId" value={patronId} />
      <FormStatus state={state} />
      {state?.ok && (
        <p className="rounded-md border border-stone-300 bg-stone-50 px-4 py-3">
          Temporary password: <code className="font-mono text-lg font-semibold tracking-wide">{state.data.temporaryPassword}</code>
        </p>
      )}
      <SubmitButton variant="secondary" pendingText="Resetting…">
        Reset password
      </SubmitButton>
    </form>
  );
}
