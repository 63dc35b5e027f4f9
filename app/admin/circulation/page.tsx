import Link from "next/link";
import { redirect } from "next/navigation";
import { DeskForm } from "@/components/admin/desk/desk-form";
import { RecordActionButton } from "@/components/account/record-action-button";
import { MarkLostForm } from "@/components/admin/desk/mark-lost-form";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { currentLoans } from "@/lib/circulation/patron-loans";
import { patronFines } from "@/lib/fines/patron-fines";
import { formatDate, formatMoney, plural } from "@/lib/format";
import { borrowingStatus } from "@/lib/patrons/borrowing-status";
import { findPatrons } from "@/lib/patrons/find-patrons";
import { requireStaff } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";
import { deskCheckInAction, deskCheckOutAction, deskMarkLostAction, deskPaymentAction, deskRenewAction, deskWaiverAction } from "./actions";

export const metadata = { title: "Circulation desk" };

type Props = { searchParams: Promise<{ q?: string; patron?: string }> };

export default async function CirculationDeskPage({ searchParams }: Props) {
  await requireStaff();
  const { q, patron: patronParam } = await searchParams;
  const query = q?.trim().slice(0, 200) ?? "";
  const matches = query ? await findPatrons(query) : [];
  if (matches.length === 1) redirect(`/admin/circulation?patron=${matches[0].id}`);
  const patronId = Number(patronParam);
  const selected = Number.isInteger(patronId) && patronId > 0 ? await borrowingStatus(patronId) : null;
  const settings = await getLibrarySettings();
  const money = (cents: number) => formatMoney(cents, settings.currency);

  return (
    <div className="space-y-8">
      <PageHeader title="Circulation desk" description="Scan or type: Enter submits each form." />

      <section aria-labelledby="find-heading" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="find-heading" className="mb-3 text-lg font-semibold">Patron</h2>
        <form action="/admin/circulation" className="flex flex-wrap items-end gap-3">
          <div className="min-w-48 flex-1 space-y-1">
            <label htmlFor="patron-lookup" className="block text-sm font-medium">Patron card, email or name</label>
            <input id="patron-lookup" name="q" defaultValue={query} autoFocus={!selected} autoComplete="off" className="block w-full rounded-md border border-stone-400 px-3 py-2" />
          </div>
          <button type="submit" className="min-h-10 rounded-md bg-brand-700 px-4 text-sm font-medium text-white hover:bg-brand-800">Find patron</button>
        </form>
        {query && matches.length === 0 && <p className="mt-3" role="status">No patron matches “{query}”.</p>}
        {matches.length > 1 && (
          <ul className="mt-3 divide-y divide-stone-200" aria-label="Matching patrons">
            {matches.map((m) => (
              <li key={m.id} className="py-2">
                <Link href={`/admin/circulation?patron=${m.id}`} className="font-medium text-brand-800 underline">{m.name}</Link>{" "}
                <span className="text-sm text-stone-600">{m.cardNumber} · {m.email}</span>
              </li>
            ))}
          </ul>
        )}
        {patronParam && !selected && <Notice tone="error" className="mt-3">No such patron.</Notice>}
        {selected && <PatronPanel status={selected} money={money} timeZone={settings.timeZone} />}
      </section>

      {selected && (
        <section aria-labelledby="checkout-heading" className="rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="checkout-heading" className="mb-3 text-lg font-semibold">Check out to {selected.patron.name}</h2>
          <DeskForm
            action={deskCheckOutAction}
            fields={[{ name: "barcode", label: "Copy barcode" }]}
            hidden={{ patronId: selected.patron.id }}
            submitLabel="Check out"
            pendingText="Checking out…"
            autoFocus
          />
        </section>
      )}

      <section aria-labelledby="checkin-heading" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="checkin-heading" className="mb-3 text-lg font-semibold">Check in</h2>
        <DeskForm action={deskCheckInAction} fields={[{ name: "barcode", label: "Check-in barcode" }]} submitLabel="Check in" pendingText="Checking in…" />
      </section>

      <section aria-labelledby="lost-heading" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="lost-heading" className="mb-3 text-lg font-semibold">Lost copy</h2>
        <MarkLostForm action={deskMarkLostAction} />
      </section>
    </div>
  );
}

async function PatronPanel({
  status,
  money,
  timeZone,
}: {
  status: NonNullable<Awaited<ReturnType<typeof borrowingStatus>>>;
  money: (cents: number) => string;
  timeZone: string;
}) {
  const { patron, standing, openHolds, blocks } = status;
  const [loans, fines] = await Promise.all([currentLoans(patron.id), patronFines(patron.id)]);
  return (
    <div className="mt-4 space-y-4">
      <div>
        <p className="text-xl font-semibold">{patron.name}</p>
        <p className="text-sm text-stone-700">
          Card {patron.cardNumber} · {patron.email} · {patron.category.name} · {patron.status === "ACTIVE" ? "active" : "blocked"}
          {patron.expiresAt && ` · card valid until ${formatDate(patron.expiresAt, timeZone)}`}
        </p>
        <p className="text-sm text-stone-700">
          {plural(standing.openLoans, "loan")} · {plural(standing.overdueLoans, "overdue loan")} · {plural(openHolds, "hold")} · owes {money(standing.unpaidFinesCents)}
        </p>
      </div>
      {blocks.length > 0 && (
        <Notice tone="warning">
          <p className="font-semibold">Cannot borrow:</p>
          <ul className="list-disc pl-5">
            {blocks.map((b) => <li key={b}>{b}</li>)}
          </ul>
        </Notice>
      )}
      <div>
        <h3 className="font-semibold">Current loans</h3>
        {loans.length === 0 ? (
          <p className="text-sm">None.</p>
        ) : (
          <ul className="mt-2 divide-y divide-stone-200">
            {loans.map((loan) => (
              <li key={loan.id} className="flex flex-wrap items-start justify-between gap-3 py-2">
                <div>
                  <p className="font-medium">{loan.title.title}</p>
                  <p className={`text-sm ${loan.daysOverdue > 0 ? "font-semibold text-red-800" : "text-stone-700"}`}>
                    {loan.barcode} · due {formatDate(loan.dueAt, timeZone)}
                    {loan.daysOverdue > 0 && ` · overdue ${plural(loan.daysOverdue, "day")}, fine so far ${money(loan.accruingFineCents)}`}
                  </p>
                </div>
                <RecordActionButton action={deskRenewAction} field="loanId" id={loan.id} label="Renew" accessibleName={`Renew ${loan.title.title}`} pendingText="Renewing…" />
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="space-y-3">
        <h3 className="font-semibold">Fines: {money(fines.balanceCents)} owed</h3>
        {fines.fines.filter((f) => f.outstandingCents > 0).map((f) => (
          <p key={f.id} className="text-sm">{f.description}: {money(f.outstandingCents)} of {money(f.amountCents)}</p>
        ))}
        {fines.balanceCents > 0 && (
          <>
            <DeskForm action={deskPaymentAction} fields={[{ name: "amount", label: "Amount", inputMode: "decimal" }]} hidden={{ patronId: patron.id }} submitLabel="Record payment" pendingText="Recording…" />
            <DeskForm
              action={deskWaiverAction}
              fields={[
                { name: "amount", label: "Amount to waive", inputMode: "decimal" },
                { name: "reason", label: "Reason" },
              ]}
              hidden={{ patronId: patron.id }}
              submitLabel="Waive"
              pendingText="Waiving…"
            />
          </>
        )}
      </div>
    </div>
  );
}
