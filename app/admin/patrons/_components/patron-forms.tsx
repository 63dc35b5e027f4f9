"use client";

import { blockPatronAction, renewCardAction, resetPasswordAction, unblockPatronAction, updatePatronAction } from "@/app/admin/patrons/actions";
import { ConfirmAction } from "@/components/ui/confirm-action";
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

export function BlockForm({ patronId, name }: { patronId: number; name: string }) {
  return (
    <ConfirmAction
      action={blockPatronAction}
      fields={{ patronId }}
      label="Block account"
      variant="danger"
      question={`Block ${name}? They cannot borrow, renew or reserve until the block is lifted, and they are signed out everywhere.`}
      confirmLabel="Confirm block"
      confirmName={`Confirm block of ${name}`}
      pendingText="Blocking…"
    >
      {(state, kept) => (
        <TextField label="Reason for blocking" name="reason" required defaultValue={kept.value("reason")} hint="The patron sees this reason when they try to borrow." error={fieldError(state, "reason")} />
      )}
    </ConfirmAction>
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

export function RenewCardForm({ patronId, name, expired, validity }: { patronId: number; name: string; expired: boolean; validity: string }) {
  return (
    <ConfirmAction
      action={renewCardAction}
      fields={{ patronId }}
      label="Renew card"
      variant={expired ? "primary" : "secondary"}
      question={`Renew the card of ${name}? It will run ${validity} from today.`}
      confirmLabel="Confirm renewal"
      confirmName={`Confirm card renewal for ${name}`}
      confirmVariant="primary"
      pendingText="Renewing…"
    />
  );
}

export function ResetPasswordForm({ patronId, name }: { patronId: number; name: string }) {
  return (
    <ConfirmAction
      action={resetPasswordAction}
      fields={{ patronId }}
      label="Reset password"
      question={`Reset the password of ${name}? Their password stops working and their other sessions end; you hand them the temporary one shown here.`}
      confirmLabel="Confirm reset"
      confirmName={`Confirm password reset for ${name}`}
      pendingText="Resetting…"
      outcome={(state) => (
        <p className="rounded-md border border-stone-300 bg-stone-50 px-4 py-3">
          Temporary password: <code className="font-mono text-lg font-semibold tracking-wide">{state.data.temporaryPassword}</code>
        </p>
      )}
    />
  );
}
