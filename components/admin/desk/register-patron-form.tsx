"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { SelectField, TextField } from "@/components/ui/field";
import { fieldError } from "@/components/ui/form-status";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import type { FormAction } from "@/lib/errors";
import { useDeskReport } from "./desk-visit";

type Category = { id: number; name: string };

/**
 * "Register a new patron" at the desk: a walk-in gets a card and becomes the desk's patron, so
 * the copy barcode field takes the focus for their first loan.
 */
export function RegisterPatronForm({
  action: submit,
  categories,
  defaultCategoryId,
}: {
  action: FormAction<{ patronId: number }>;
  categories: Category[];
  defaultCategoryId: number | undefined;
}) {
  const [open, setOpen] = useState(false);
  const { state, action, formRef, kept } = useFormAction(submit);
  const report = useDeskReport();
  const handled = useRef<unknown>(null);
  const router = useRouter();
  useEffect(() => {
    if (!state?.ok || handled.current === state) return;
    handled.current = state;
    if (state.message) report?.("success", state.message, { patronId: state.data.patronId });
    setOpen(false);
    router.push(`/admin/circulation?patron=${state.data.patronId}`);
  }, [state, report, router]);
  const error = (field: string) => fieldError(state, field);
  return (
    <div className="space-y-3">
      <button type="button" aria-expanded={open} aria-controls={open ? "register-patron" : undefined} onClick={() => setOpen(!open)} className="text-sm font-medium text-brand-800 underline">
        Register a new patron
      </button>
      {open && (
        <form key={kept.key} ref={formRef} action={action} id="register-patron" aria-label="Register a new patron" className="space-y-3 rounded-md border border-stone-200 p-3" noValidate>
          {state && !state.ok && !state.fields && <Notice tone="error">{state.message}</Notice>}
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField autoFocus id="register-name" label="Name" name="name" defaultValue={kept.value("name")} required autoComplete="off" error={error("name")} />
            <SelectField id="register-category" label="Category" name="categoryId" defaultValue={kept.value("categoryId", defaultCategoryId)} error={error("categoryId")} choices={categories.map((c) => ({ value: String(c.id), label: c.name }))} />
            <TextField id="register-email" label="Email" name="email" type="email" defaultValue={kept.value("email")} autoComplete="off" error={error("email")} hint="An email or a phone number." />
            <TextField id="register-phone" label="Phone" name="phone" type="tel" defaultValue={kept.value("phone")} autoComplete="off" error={error("phone")} />
            <TextField id="register-card" label="Card number" name="cardNumber" defaultValue={kept.value("cardNumber")} autoComplete="off" error={error("cardNumber")} hint="Scan the new card, or leave empty to issue a number." />
          </div>
          <SubmitButton pendingText="Registering…">Register patron</SubmitButton>
        </form>
      )}
    </div>
  );
}
