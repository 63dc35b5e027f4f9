"use client";

import { uploadCoverAction } from "@/app/admin/inventory/actions";
import { ActionForm } from "@/components/ui/action-form";
import { FileField } from "@/components/ui/file-field";
import { fieldError } from "@/components/ui/form-status";
import { COVER_TOO_LARGE, MAX_COVER_BYTES, sizeLabel } from "@/lib/upload-limits";

export function CoverForm({ titleId }: { titleId: number }) {
  return (
    <ActionForm action={uploadCoverAction} hidden={{ titleId }} submit={{ label: "Upload cover", pendingText: "Uploading…", variant: "secondary" }} className="space-y-3">
      {(state) => (
        <FileField
          label="Cover image"
          name="cover"
          accept="image/jpeg,image/png,image/webp"
          hint={`JPEG, PNG or WebP, up to ${sizeLabel(MAX_COVER_BYTES)}; resized to 600 pixels wide.`}
          maxBytes={MAX_COVER_BYTES}
          tooLarge={COVER_TOO_LARGE}
          error={fieldError(state, "cover")}
        />
      )}
    </ActionForm>
  );
}
