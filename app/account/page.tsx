import clsx from "clsx";
import Link from "next/link";
import { ChangePasswordForm } from "@/app/_components/change-password-form";
import { SignOutEverywhereForm } from "@/app/account/_components/sign-out-everywhere-form";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { code128Svg } from "@/lib/catalogue/barcode-svg";
import { standingAdvice, standingHeadline } from "@/lib/circulation/messages";
import { accountOverview } from "@/lib/circulation/patron-standing";
import type { BorrowRefusal } from "@/lib/circulation/rules";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { formatDate, formatMoney, plural } from "@/lib/format";
import { requireUser } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";

export const metadata = { title: "Overview" };

/** Where each reason's remedy is followed up in the account. */
const REMEDY_LINKS: Partial<Record<BorrowRefusal["reason"], { href: string; label: string }>> = {
  HAS_OVERDUE: { href: "/account/loans", label: "See your loans" },
  FINES_BLOCK: { href: "/account/fines", label: "See your fines" },
  LOAN_LIMIT: { href: "/account/loans", label: "See your loans" },
};

const link = "font-medium text-brand-700 underline";

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ welcome?: string }> }) {
  const { welcome } = await searchParams;
  const user = await requireUser();
  const at = now();
  const [profile, overview, settings] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: user.id }, include: { category: true } }),
    accountOverview(user.id, at),
    getLibrarySettings(),
  ]);
  const { refusals, standing, nextDueAt, holds } = overview!;
  const tz = settings.timeZone;
  const money = (cents: number) => formatMoney(cents, settings.currency);
  const [first] = refusals;
  const expired = profile.expiresAt !== null && profile.expiresAt <= at;

  return (
    <div className="space-y-8">
      <PageHeader title={`Hello, ${profile.name}`} />
      {welcome && <Notice tone="success">Welcome! Your library card number is {profile.cardNumber}.</Notice>}

      <section
        aria-labelledby="standing-heading"
        className={clsx("rounded-lg border-2 p-5", first ? "border-red-300 bg-red-50 text-red-950" : "border-emerald-300 bg-emerald-50 text-emerald-950")}
      >
        <p className="text-sm font-medium">Your account</p>
        <h2 id="standing-heading" className="text-xl font-semibold">
          {standingHeadline(first, settings.currency, tz)}
        </h2>
        {refusals.length > 0 ? (
          <>
            <h3 className="mt-3 text-sm font-semibold">What to do</h3>
            <ul className="mt-1 space-y-2">
              {refusals.map((refusal) => {
                const more = REMEDY_LINKS[refusal.reason];
                return (
                  <li key={refusal.reason}>
                    {refusals.length > 1 && <strong>{standingHeadline(refusal, settings.currency, tz)}. </strong>}
                    {standingAdvice(refusal, settings.currency)}
                    {more && (
                      <>
                        {" "}
                        <Link href={more.href} className={link}>
                          {more.label}
                        </Link>
                      </>
                    )}
                  </li>
                );
              })}
            </ul>
          </>
        ) : (
          <p className="mt-1">You may borrow, renew and reserve books.</p>
        )}
      </section>

      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading" className="mb-3 text-lg font-semibold">
          At a glance
        </h2>
        <div className="grid gap-4 sm:grid-cols-3">
          <SummaryCard title="Loans" href="/account/loans" linkLabel="My loans">
            <p className="text-2xl font-semibold">{plural(standing.openLoans, "book")}</p>
            {standing.overdueLoans > 0 && <p className="font-semibold text-red-800">{plural(standing.overdueLoans, "overdue loan")}</p>}
            {nextDueAt && <p>Next due {formatDate(nextDueAt, tz)}</p>}
          </SummaryCard>
          <SummaryCard title="Reservations" href="/account/holds" linkLabel="My reservations">
            {holds.ready.length === 0 && holds.waiting === 0 && <p>None</p>}
            {holds.ready.map((ready, i) => (
              <p key={i} className="font-semibold text-emerald-800">
                Ready to collect: {ready.title}
                {ready.expiresAt && ` (by ${formatDate(ready.expiresAt, tz)})`}
              </p>
            ))}
            {holds.waiting > 0 && <p>{plural(holds.waiting, "reservation")} waiting</p>}
          </SummaryCard>
          <SummaryCard title="Fines" href="/account/fines" linkLabel="My fines">
            <p className={clsx("text-2xl font-semibold", standing.unpaidFinesCents > 0 && "text-red-800")}>{money(standing.unpaidFinesCents)}</p>
            <p>{standing.unpaidFinesCents > 0 ? `Borrowing stops at ${money(overview!.blockThresholdCents)}.` : "Nothing owed."}</p>
          </SummaryCard>
        </div>
      </section>

      <section aria-labelledby="card-heading" className="rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="card-heading" className="text-lg font-semibold">
          Your library card
        </h2>
        <p className="mt-1 text-sm text-stone-700">Show this at the desk to be scanned.</p>
        <figure className="mt-3 max-w-sm rounded-md bg-white p-3 ring-1 ring-stone-200">
          <div
            role="img"
            aria-label={`Library card barcode ${profile.cardNumber}`}
            className="h-20 [&_svg]:h-full [&_svg]:w-full"
            dangerouslySetInnerHTML={{ __html: code128Svg(profile.cardNumber) }}
          />
          <figcaption className="mt-2 text-center">
            <span className="sr-only">Card number </span>
            <span className="font-mono text-lg tracking-widest">{profile.cardNumber}</span>
          </figcaption>
        </figure>
        <dl className="mt-4 grid gap-x-6 gap-y-2 sm:grid-cols-2">
          <div>
            <dt className="text-sm text-stone-600">Category</dt>
            <dd>{profile.category.name}</dd>
          </div>
          <div>
            <dt className="text-sm text-stone-600">{expired ? "Card expired on" : "Card valid until"}</dt>
            <dd className={clsx(expired && "font-semibold text-red-800")}>{profile.expiresAt ? formatDate(profile.expiresAt, tz) : "No expiry"}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="details-heading" className="rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="details-heading" className="text-lg font-semibold">
          Your details
        </h2>
        <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-2">
          <div>
            <dt className="text-sm text-stone-600">Name</dt>
            <dd>{profile.name}</dd>
          </div>
          <div>
            <dt className="text-sm text-stone-600">Email</dt>
            <dd className="break-all">{profile.email}</dd>
          </div>
          <div>
            <dt className="text-sm text-stone-600">Phone</dt>
            <dd>{profile.phone ?? "Not given"}</dd>
          </div>
          <div>
            <dt className="text-sm text-stone-600">Address</dt>
            <dd className="whitespace-pre-line">{profile.address ?? "Not given"}</dd>
          </div>
        </dl>
        <p className="mt-3">
          <Link href="/account/profile" className={link}>
            Edit your details
          </Link>
        </p>
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

function SummaryCard({ title, href, linkLabel, children }: { title: string; href: string; linkLabel: string; children: React.ReactNode }) {
  const id = `summary-${title.toLowerCase()}`;
  return (
    <section aria-labelledby={id} className="space-y-1 rounded-lg border border-stone-200 bg-white p-4">
      <h3 id={id} className="text-sm font-semibold uppercase tracking-wide text-stone-600">
        {title}
      </h3>
      {children}
      <p className="pt-1">
        <Link href={href} className={link}>
          {linkLabel}
        </Link>
      </p>
    </section>
  );
}
