"use client";

import { useActionState } from "react";
import { setSipDeviceEnabledAction, setSipDevicePasswordAction } from "@/app/admin/devices/actions";
import { TextField } from "@/components/ui/field";
import { FormStatus, fieldError } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";

/** Turn one device off or on, and give it a new password. */
export function DeviceControls({ deviceId, login, enabled }: { deviceId: number; login: string; enabled: boolean }) {
  const [switched, switchAction] = useActionState(setSipDeviceEnabledAction, null);
  const [changed, passwordAction] = useActionState(setSipDevicePasswordAction, null);
  return (
    <div className="space-y-3">
      <form action={switchAction} className="space-y-1">
        <input type="hidden" name="deviceId" value={deviceId} />
        <input type="hidden" name="enabled" value={enabled ? "false" : "true"} />
        <SubmitButton variant="secondary" pendingText={enabled ? "Turning off…" : "Turning on…"} ariaLabel={`${enabled ? "Turn off" : "Turn on"} ${login}`}>
          {enabled ? "Turn off" : "Turn on"}
        </SubmitButton>
        <FormStatus state={switched} />
      </form>
      <form action={passwordAction} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="deviceId" value={deviceId} />
        <TextField id={`password-${deviceId}`} label={`New password of ${login}`} name="password" type="password" autoComplete="new-password" error={fieldError(changed, "password")} />
        <SubmitButton variant="secondary" pendingText="Saving…" ariaLabel={`Set new password for ${login}`}>
          Set new password
        </SubmitButton>
        <div className="basis-full">
          <FormStatus state={changed} />
        </div>
      </form>
    </div>
  );
}
