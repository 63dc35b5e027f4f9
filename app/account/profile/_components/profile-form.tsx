"use client";

import { updateProfileAction } from "@/app/account/actions";
import { ActionForm } from "@/components/ui/action-form";
import { TextAreaField, TextField } from "@/components/ui/field";
import { fieldError } from "@/components/ui/form-status";

export function ProfileForm({ values }: { values: { name: string; phone: string | null; address: string | null; pickupLocation: string | null } }) {
  return (
    <ActionForm action={updateProfileAction} submit={{ label: "Save my details", pendingText: "Saving…" }} className="max-w-xl space-y-4">
      {(state, kept) => (
        <>
          <TextField label="Name" name="name" defaultValue={kept.value("name", values.name)} required autoComplete="name" error={fieldError(state, "name")} />
          <TextField
            label="Phone"
            name="phone"
            type="tel"
            defaultValue={kept.value("phone", values.phone ?? "")}
            autoComplete="tel"
            hint="Optional. The library may call about a reservation or an overdue book."
            error={fieldError(state, "phone")}
          />
          <TextAreaField label="Address" name="address" rows={3} defaultValue={kept.value("address", values.address ?? "")} autoComplete="street-address" hint="Optional." error={fieldError(state, "address")} />
          <TextField
            label="Preferred pickup location"
            name="pickupLocation"
            defaultValue={kept.value("pickupLocation", values.pickupLocation ?? "")}
            placeholder="Main library"
            hint="Optional. Reservations are collected at the main library for now; this is kept for when there are branches."
            error={fieldError(state, "pickupLocation")}
          />
        </>
      )}
    </ActionForm>
  );
}
