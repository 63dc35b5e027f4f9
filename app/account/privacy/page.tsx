import { CloseAccountForm } from "@/app/account/privacy/_components/close-account-form";
import { PageHeader } from "@/components/ui/page-header";
import { readPatronStanding } from "@/lib/circulation/patron-standing";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { formatMoney, plural } from "@/lib/format";
import { requireUser } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";

export const metadata = { title: "Your data" };

export default async function PrivacyPage() {
  const user = await requireUser();
  const [standing, settings] = await Promise.all([readPatronStanding(db, user.id, now()), getLibrarySettings()]);
  const owing = [
    standing && standing.standing.openLoans > 0 ? plural(standing.standing.openLoans, "book") + " on loan" : null,
    standing && standing.standing.unpaidFinesCents > 0 ? `${formatMoney(standing.standing.unpaidFinesCents, settings.currency)} in fines` : null,
  ].filter(Boolean);
  const when =
    owing.length === 0
      ? "Nothing is on loan or owed, so your name, email, phone and address are cleared at once."
      : `You have ${owing.join(" and ")}: your name, email, phone and address are cleared once they are returned and paid (checked every day).`;
  return (
    <div className="max-w-2xl space-y-8">
      <PageHeader title="Your data" description="Download what the library holds about you, or close your account." />
      <section aria-labelledby="download-heading" className="space-y-2">
        <h2 id="download-heading" className="text-lg font-semibold">
          Download your data
        </h2>
        <p className="text-sm text-stone-700">One JSON file with your profile, loans, reservations, fines, notifications and preferences.</p>
        <a href="/account/data" download className="inline-block font-medium text-brand-700 underline">
          Download my data (JSON)
        </a>
      </section>
      {user.role === "PATRON" && (
        <section aria-labelledby="close-heading" className="space-y-2">
          <h2 id="close-heading" className="text-lg font-semibold">
            Close your account
          </h2>
          <p className="text-sm text-stone-700">
            Closing cancels your reservations and signs you out everywhere; you cannot sign in again. {when} Your card number is kept, unusable, so it is never given to anyone else.
          </p>
          <CloseAccountForm question={`Close your account? ${when} This cannot be undone.`} />
        </section>
      )}
    </div>
  );
}
