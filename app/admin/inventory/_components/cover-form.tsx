"use client";

import { useActionState } from "react";
import { uploadCoverAction } from "@/app/admin/inventory/actions";
import { TextField } from "@/components/ui/field";
import { FormStatus, fieldError } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";

export function CoverForm({ titleId }: { titleId: number }) {
  const [state, action] = useActionState(uploadCoverAction, null);
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormStatus state={state} />
      <input type="hidden" name="titleId" value={titleId} />
      <TextField
        label="Cover image"
        name="cover"
        type="file"
        accept="image/jpeg,image/png,image/webp"
        hint="JPEG, PNG or WebP, up to 5 MB; resized to 600 pixels wide."
        error={fieldError(state, "cover")}
      />
      <SubmitButton variant="secondary" pendingText="Uploading…">
        Upload cover
      </SubmitButton>
    </form>
  );
}
