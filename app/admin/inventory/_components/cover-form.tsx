"use client";

import { uploadCoverAction } from "@/app/admin/inventory/actions";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { fieldError } from "@/components/ui/form-status";

export function CoverForm({ titleId }: { titleId: number }) {
  return (
    <ActionForm action={uploadCoverAction} hidden={{ titleId }} submit={{ label: "Upload cover", pendingText: "Uploading…", variant: "secondary" }} className="space-y-3">
      {(state) => (
        <TextField
          label="Cover image"
          name="cover"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          hint="JPEG, PNG or WebP, up to 5 MB; resized to 600 pixels wide."
          error={fieldError(state, "cover")}
        />
      )}
    </ActionForm>
  );
}
