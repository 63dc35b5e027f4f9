import { ChangePasswordForm } from "@/app/_components/change-password-form";
import { SignOutEverywhereForm } from "@/app/account/_components/sign-out-everywhere-form";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/lib/db";
import { formatDate } from "@/lib/format";
import { requireUser } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";

export const metadata = { title: "Overview" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ welcome?: string }> }) {
  const { welcome } = await searchParams;
  const user = await requireUser();
  const [profile, settings] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: user.id }, include: { category: true } }),
    getLibrarySettings(),
  ]);
  return (
    <div className="space-y-8">
      <PageHeader title={`Hello, ${profile.name}`} />
      {welcome && <Notice tone="success">Welcome! Your library card number is {profile.cardNumber}.</Notice>}
      <section aria-labelledby="card-heading" className="rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="card-heading" className="text-lg font-semibold">
          Your library card
        </h2>
        <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-2">
          <div>
            <dt className="text-sm text-stone-600">Card number</dt>
            <dd className="font-mono text-lg">{profile.cardNumber}</dd>
          </div>
          <div>
            <dt className="text-sm text-stone-600">Email</dt>
            <dd>{profile.email}</dd>
          </div>
          <div>
            <dt className="text-sm text-stone-600">Category</dt>
            <dd>{profile.category.name}</dd>
          </div>
          <div>
            <dt className="text-sm text-stone-600">Card valid until</dt>
            <dd>{profile.expiresAt ? formatDate(profile.expiresAt, settings.timeZone) : "No expiry"}</dd>
          </div>
          <div>
            <dt className="text-sm text-stone-600">Status</dt>
            <dd>{profile.status === "ACTIVE" ? "Active" : `Blocked${profile.blockedReason ? `: ${profile.blockedReason}` : ""}`}</dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="password-heading">
        <h2 id="password-heading" className="mb-3 text-lg font-semibold">
          Change password
        </h2>
        <ChangePasswordForm />
      </section>
      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading" className="mb-3 text-lg font-semibold">
          Where you are signed in
        </h2>
        <SignOutEverywhereForm />
      </section>
    </div>
  );
}
