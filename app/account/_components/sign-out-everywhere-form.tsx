import { signOutEverywhereAction } from "@/app/account/actions";
import { SubmitButton } from "@/components/ui/submit-button";

/** Ends every session of the account, on every device, this one included. */
export function SignOutEverywhereForm() {
  return (
    <form action={signOutEverywhereAction} className="space-y-3">
      <p className="text-sm text-stone-700">Lost a device, or signed in on a shared computer? This signs you out on every device, this one too.</p>
      <SubmitButton variant="secondary" pendingText="Signing out…">
        Sign out everywhere
      </SubmitButton>
    </form>
  );
}
