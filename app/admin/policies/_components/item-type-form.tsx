"use client";

import { createItemTypeAction } from "@/app/admin/policies/actions";
import { TextField } from "@/components/ui/field";
import { FormStatus, fieldError } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";

export function ItemTypeForm() {
  const { state, action, formRef, kept } = useFormAction(createItemTypeAction);
  return (
    <form key={kept.key} ref={formRef} action={action} className="space-y-4" noValidate>
      <FormStatus state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        {/* Not "Name" or "Code": the category form below has those labels (getByLabel matches substrings). */}
        <TextField label="New item type" name="name" id="item-type-name" defaultValue={kept.value("name")} hint="As patrons see it, like Board game." error={fieldError(state, "name")} required />
        <TextField label="Item type key" name="code" id="item-type-code" defaultValue={kept.value("code")} hint="Capitals, like BOARD_GAME. It cannot change later." error={fieldError(state, "code")} required />
      </div>
      <SubmitButton pendingText="Adding…">Add item type</SubmitButton>
    </form>
  );
}
