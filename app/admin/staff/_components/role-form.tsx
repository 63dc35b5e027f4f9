"use client";

import { useActionState } from "react";
import { setRoleAction } from "@/app/admin/staff/actions";
import { SelectField } from "@/components/ui/field";
import { FormStatus, fieldError } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";

/** `scope` keeps ids unique when the same account shows twice on the page (found and listed). */
export function RoleForm({ userId, name, role, scope }: { userId: number; name: string; role: string; scope: string }) {
  const field = `role-${scope}-${userId}`;
  const [state, action] = useActionState(setRoleAction, null);
  return (
    <form
      action={(form) => {
        // The select's name carries the user id (ids unique on a page of many); the schema reads "role".
        form.set("role", String(form.get(field)));
        return action(form);
      }}
      className="flex flex-wrap items-end gap-3"
    >
      <input type="hidden" name="userId" value={userId} />
      <SelectField label={`Role of ${name}`} name={field} defaultValue={role} error={fieldError(state, "role")}>
        <option value="PATRON">Patron</option>
        <option value="LIBRARIAN">Librarian</option>
        <option value="ADMIN">Administrator</option>
      </SelectField>
      <SubmitButton variant="secondary" pendingText="Saving…" ariaLabel={`Change the role of ${name}`}>
        Change role
      </SubmitButton>
      <div className="basis-full">
        <FormStatus state={state} />
      </div>
    </form>
  );
}
