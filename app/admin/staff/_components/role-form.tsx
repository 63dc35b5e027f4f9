"use client";

import { useActionState } from "react";
import { setRoleAction } from "@/app/admin/staff/actions";
import { SelectField } from "@/components/ui/field";
import { FormStatus, fieldError } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";

const ROLES = [
  { value: "PATRON", label: "Patron" },
  { value: "LIBRARIAN", label: "Librarian" },
  { value: "ADMIN", label: "Administrator" },
];

/** `scope` keeps ids unique when the same account shows twice on the page (found and listed). */
export function RoleForm({ userId, name, role, scope }: { userId: number; name: string; role: string; scope: string }) {
  const [state, action] = useActionState(setRoleAction, null);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="userId" value={userId} />
      <SelectField id={`role-${scope}-${userId}`} label={`Role of ${name}`} name="role" defaultValue={role} error={fieldError(state, "role")} choices={ROLES} />
      <SubmitButton variant="secondary" pendingText="Saving…" ariaLabel={`Change role of ${name}`}>
        Change role
      </SubmitButton>
      <div className="basis-full">
        <FormStatus state={state} />
      </div>
    </form>
  );
}
