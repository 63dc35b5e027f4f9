import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BlockForm, EditPatronForm, RenewCardForm, ResetPasswordForm, UnblockForm } from "@/app/admin/patrons/_components/patron-forms";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { loanHistory } from "@/lib/circulation/loan-history";
import { currentLoans } from "@/lib/circulation/patron-loans";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { patronFines } from "@/lib/fines/patron-fines";
import { formatDate, formatDateTime, formatMoney, plural } from "@/lib/format";
import { patronHolds } from "@/lib/holds/patron-holds";
import { describeHold } from "@/lib/holds/statuses";
import { borrowingStatus } from "@/lib/patrons/borrowing-status";
import { patronAudit } from "@/lib/patrons/patron-audit";
import { manageableRoles } from "@/lib/patrons/staff-powers";
import { requireStaff } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  await requireStaff();
  const id = Number((await params).id);
  const patron = Number.isInteger(id) && id > 0 ? await db.user.findUnique({ where: { id }, select: { name: true } }) : null;
  return { title: patron ? `Patron ${patron.name}` : "Patron not found" };
}

const th = "px-3 py-2 text-left font-semibold text-stone-800";
const td = "px-3 py-2 align-top";

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
      <h2 id={id} className="text-lg font-semibold text-stone-900">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function PatronPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireStaff();
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const status = await borrowingStatus(id);
  if (!status) notFound();
  const { patron, standing, openHolds, blocks } = status;
  const [loans, history, holds, fines, audit, categories, settings] = await Promise.all([
    currentLoans(id),
    loanHistory(id, 1, 10),
    patronHolds(id),
    patronFines(id),
    patronAudit(id),
    db.patronCategory.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    getLibrarySettings(),
  ]);
  const tz = settings.timeZone;
  const money = (cents: number) => formatMoney(cents, settings.currency);
  const expired = patron.expiresAt !== null && patron.expiresAt <= now();
  // The operations refuse anyway; this only spares the librarian forms that would be refused.
  const mayManage = manageableRoles(viewer.role).includes(patron.role);
  const own = patron.id === viewer.id;
  const staffOnly = <p className="text-stone-700">This is a staff account: only an administrator may change it.</p>;

  return (
    <div className="space-y-6">
      <PageHeader
        back={{ href: "/admin/patrons", label: "All patrons" }}
        title={patron.name}
        description={
          <>
            Card <span className="font-mono">{patron.cardNumber}</span> · {patron.category.name} · {patron.role === "PATRON" ? "patron" : patron.role.toLowerCase()}
          </>
        }
      />
      {blocks.length > 0 ? (
        <Notice tone="warning">
          <p className="font-semibold">Cannot borrow now:</p>
          <ul className="list-inside list-disc">
            {blocks.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        </Notice>
      ) : (
        <Notice tone="success">May borrow.</Notice>
      )}

      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {[
          ["Loans", String(standing.openLoans)],
          ["Overdue", String(standing.overdueLoans)],
          ["Holds", String(openHolds)],
          ["Fines owed", money(standing.unpaidFinesCents)],
          ["Account", patron.status === "BLOCKED" ? "Blocked" : "Active"],
          ["Card expires", patron.expiresAt ? `${formatDate(patron.expiresAt, tz)}${expired ? " (expired)" : ""}` : "Never"],
          ["Member since", formatDate(patron.createdAt, tz)],
          ["Reading history", patron.keepHistory ? "Kept" : "Not kept"],
        ].map(([label, value]) => (
          <div key={label} className="rounded-lg border border-stone-200 bg-white p-3">
            <dt className="text-sm text-stone-700">{label}</dt>
            <dd className="font-semibold text-stone-900">{value}</dd>
          </div>
        ))}
      </dl>

      <div className="grid gap-6 lg:grid-cols-2">
        <Section id="details-heading" title="Details">
          {/* Only the edited fields go to the client component (never the password hash). */}
          {mayManage ? (
            <EditPatronForm
              patron={{ id: patron.id, name: patron.name, email: patron.email, phone: patron.phone, address: patron.address, categoryId: patron.categoryId }}
              categories={categories}
            />
          ) : (
            staffOnly
          )}
        </Section>
        <div className="space-y-6">
          <Section id="account-heading" title="Account">
            {patron.status === "BLOCKED" ? (
              <>
                <p>
                  Blocked: <strong>{patron.blockedReason ?? "no reason recorded"}</strong>
                </p>
                {mayManage && <UnblockForm patronId={patron.id} />}
              </>
            ) : mayManage && !own ? (
              <BlockForm patronId={patron.id} name={patron.name} />
            ) : (
              <p className="text-stone-700">Active.</p>
            )}
          </Section>
          <Section id="card-heading" title="Card and password">
            <p className="text-sm text-stone-700">
              Renewing runs the card {plural(patron.category.cardValidityDays, "day")} from today. A reset password is shown once here for you to hand over; it works once, the patron chooses a new one when signing in with it, and their other sessions end.
            </p>
            <div className="flex flex-wrap gap-6">
              <RenewCardForm patronId={patron.id} name={patron.name} expired={expired} validity={plural(patron.category.cardValidityDays, "day")} />
              {mayManage && !own && <ResetPasswordForm patronId={patron.id} name={patron.name} />}
            </div>
          </Section>
        </div>
      </div>

      <Section id="loans-heading" title={`Current loans (${loans.length})`}>
        {loans.length === 0 ? (
          <p className="text-stone-700">No books on loan.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[36rem] text-sm">
              <caption className="sr-only">Current loans</caption>
              <thead>
                <tr className="border-b border-stone-200">
                  <th scope="col" className={th}>Title</th>
                  <th scope="col" className={th}>Barcode</th>
                  <th scope="col" className={th}>Borrowed</th>
                  <th scope="col" className={th}>Due</th>
                  <th scope="col" className={th}>Fine so far</th>
                </tr>
              </thead>
              <tbody>
                {loans.map((l) => (
                  <tr key={l.id} className="border-b border-stone-100 last:border-0">
                    <td className={td}>
                      <Link href={`/admin/inventory/${l.title.id}`} className="text-brand-800 underline">
                        {l.title.title}
                      </Link>
                    </td>
                    <td className={`${td} font-mono`}>{l.barcode}</td>
                    <td className={td}>{formatDate(l.checkedOutAt, tz)}</td>
                    <td className={td}>
                      {formatDate(l.dueAt, tz)}
                      {l.daysOverdue > 0 && <strong className="block text-red-800">{plural(l.daysOverdue, "day")} overdue</strong>}
                    </td>
                    <td className={td}>{money(l.accruingFineCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>

      <Section id="history-heading" title="Loan history">
        {!patron.keepHistory ? (
          <p className="text-stone-700">This patron has chosen not to keep a reading history.</p>
        ) : history.total === 0 ? (
          <p className="text-stone-700">No returned loans.</p>
        ) : (
          <>
            <ul className="divide-y divide-stone-100 text-sm">
              {history.loans.map((l) => (
                <li key={l.id} className="flex flex-wrap justify-between gap-2 py-2">
                  <span>{l.copy.title.title}</span>
                  <span className="text-stone-700">Returned {l.returnedAt ? formatDate(l.returnedAt, tz) : ""}</span>
                </li>
              ))}
            </ul>
            {history.total > history.loans.length && <p className="text-sm text-stone-700">The latest {history.loans.length} of {history.total.toLocaleString("en-US")} are shown.</p>}
          </>
        )}
      </Section>

      <Section id="holds-heading" title={`Holds (${holds.length})`}>
        {holds.length === 0 ? (
          <p className="text-stone-700">No open holds.</p>
        ) : (
          <ul className="divide-y divide-stone-100 text-sm">
            {holds.map((h) => (
              <li key={h.id} className="flex flex-wrap justify-between gap-2 py-2">
                <span>{h.title.title}</span>
                <span className="text-stone-700">{describeHold(h, tz)}</span>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="fines-heading" title={`Fines and payments (owed: ${money(fines.balanceCents)})`}>
        {fines.fines.length === 0 && fines.payments.length === 0 ? (
          <p className="text-stone-700">No fines.</p>
        ) : (
          <div className="grid gap-4 lg:grid-cols-2">
            <div className="overflow-x-auto">
              <table className="w-full text-sm">
                <caption className="mb-1 text-left font-semibold">Fines</caption>
                <thead>
                  <tr className="border-b border-stone-200">
                    <th scope="col" className={th}>Date</th>
                    <th scope="col" className={th}>For</th>
                    <th scope="col" className={`${th} text-right`}>Amount</th>
                    <th scope="col" className={`${th} text-right`}>Owed</th>
                  </tr>
                </thead>
                <tbody>
                  {fines.fines.map((f) => (
                    <tr key={f.id} className="border-b border-stone-100 last:border-0">
                      <td className={td}>{formatDate(f.createdAt, tz)}</td>
                      <td className={td}>{f.description}</td>
                      <td className={`${td} text-right tabular-nums`}>{money(f.amountCents)}</td>
                      <td className={`${td} text-right tabular-nums`}>{money(f.outstandingCents)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="overflow-x-auto">
              <table className="w-full text-sm">
                <caption className="mb-1 text-left font-semibold">Payments and waivers</caption>
                <thead>
                  <tr className="border-b border-stone-200">
                    <th scope="col" className={th}>Date</th>
                    <th scope="col" className={th}>Kind</th>
                    <th scope="col" className={`${th} text-right`}>Amount</th>
                    <th scope="col" className={th}>By</th>
                  </tr>
                </thead>
                <tbody>
                  {fines.payments.map((p) => (
                    <tr key={p.id} className="border-b border-stone-100 last:border-0">
                      <td className={td}>{formatDate(p.createdAt, tz)}</td>
                      <td className={td}>
                        {p.kind === "WAIVER" ? "Waiver" : "Payment"}
                        {p.reason && <span className="block text-stone-600">{p.reason}</span>}
                      </td>
                      <td className={`${td} text-right tabular-nums`}>{money(p.amountCents)}</td>
                      <td className={td}>{p.recordedBy?.name ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        )}
        <p className="text-sm">
          <Link href={`/admin/circulation?patron=${patron.id}`} className="font-medium text-brand-800 underline">
            Take a payment at the circulation desk
          </Link>
        </p>
      </Section>

      <Section id="audit-heading" title="Audit trail">
        {audit.length === 0 ? (
          <p className="text-stone-700">Nothing recorded.</p>
        ) : (
          <ul className="divide-y divide-stone-100 text-sm">
            {audit.map((e) => (
              <li key={e.id} className="py-2">
                <span className="font-medium">{e.action}</span> · {formatDateTime(e.createdAt, tz)} · by {e.actor?.name ?? "the system"}
                {e.details && <span className="block break-all font-mono text-xs text-stone-600">{e.details}</span>}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
