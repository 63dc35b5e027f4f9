import Link from "next/link";
import { redirect } from "next/navigation";
import { DeskButton, DeskForm } from "@/components/admin/desk/desk-form";
import { DeskOutcome, DeskSlips, DeskVisit, VisitList } from "@/components/admin/desk/desk-visit";
import { RegisterPatronForm } from "@/components/admin/desk/register-patron-form";
import { MarkLostForm } from "@/components/admin/desk/mark-lost-form";
import { ScanWithCamera } from "@/components/admin/desk/scan-with-camera";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { currentLoans } from "@/lib/circulation/patron-loans";
import { db } from "@/lib/db";
import { patronFines } from "@/lib/fines/patron-fines";
import { PAYMENT_METHODS } from "@/lib/fines/schemas";
import { holdShelfFor } from "@/lib/holds/patron-holds";
import { formatDate, formatMoney, plural } from "@/lib/format";
import { borrowingStatus } from "@/lib/patrons/borrowing-status";
import { findPatrons } from "@/lib/patrons/find-patrons";
import { DEFAULT_CATEGORY_CODE } from "@/lib/patrons/register-patron";
import { requireStaff } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";
import { deskCheckInAction, deskCheckOutAction, deskMarkLostAction, deskPaymentAction, deskRegisterPatronAction, deskRenewAction, deskWaiverAction } from "./actions";

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

  const categories = await db.patronCategory.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, code: true } });

  return (
    <div className="space-y-6">
      <PageHeader title="Circulation desk" description="Scan or type: Enter submits each form." />
      <DeskVisit patronId={selected?.patron.id ?? null}>
        <section aria-labelledby="find-heading" className="rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="find-heading" className="mb-3 text-lg font-semibold">Patron</h2>
          <form action="/admin/circulation" className="flex flex-wrap items-end gap-3">
            <div className="min-w-48 flex-1 space-y-1">
              <label htmlFor="patron-lookup" className="block text-sm font-medium">Patron card, email or name</label>
              <input id="patron-lookup" name="q" defaultValue={query} autoFocus={!selected} autoComplete="off" className="block w-full rounded-md border border-stone-400 px-3 py-2" />
              <ScanWithCamera inputId="patron-lookup" purpose="patron" />
            </div>
            <button type="submit" className="min-h-10 rounded-md bg-brand-700 px-4 text-sm font-medium text-white hover:bg-brand-800">Find patron</button>
          </form>
          <div className="mt-3">
            <RegisterPatronForm
              action={deskRegisterPatronAction}
              categories={categories.map(({ id, name }) => ({ id, name }))}
              defaultCategoryId={categories.find((c) => c.code === DEFAULT_CATEGORY_CODE)?.id}
            />
          </div>
          {query && matches.length === 0 && <p className="mt-3" role="status">No patron matches “{query}”.</p>}
          {matches.length > 1 && (
            <ul className="mt-3 divide-y divide-stone-200" aria-label="Matching patrons">
              {matches.map((m) => (
                <li key={m.id} className="py-2">
                  <Link href={`/admin/circulation?patron=${m.id}`} className="font-medium text-brand-800 underline">{m.name}</Link>{" "}
                  <span className="text-sm text-stone-600">{[m.cardNumber, m.email, m.phone].filter(Boolean).join(" · ")}</span>
                </li>
              ))}
            </ul>
          )}
          {patronParam && !selected && <Notice tone="error" className="mt-3">No such patron.</Notice>}
          {selected && <PatronSummary status={selected} money={money} timeZone={settings.timeZone} />}
        </section>

        <section aria-labelledby="scan-heading" className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="scan-heading" className="text-lg font-semibold">{selected ? `Check out to ${selected.patron.name}, or check in` : "Check in"}</h2>
          <div className="grid gap-4 md:grid-cols-2">
            {selected && (
              <DeskForm
                key={selected.patron.id}
                action={deskCheckOutAction}
                fields={[{ name: "barcode", label: "Copy barcode", scan: "copy" }]}
                hidden={{ patronId: selected.patron.id }}
                submitLabel="Check out"
                pendingText="Checking out…"
                autoFocus
              />
            )}
            {/* Right under the copy barcode on a phone, under both forms on a wider screen. */}
            <DeskOutcome className="md:order-last md:col-span-2" />
            <DeskForm action={deskCheckInAction} fields={[{ name: "barcode", label: "Check-in barcode", scan: "return" }]} submitLabel="Check in" pendingText="Checking in…" />
            <DeskSlips className="md:order-last md:col-span-2" />
          </div>
          {selected && <VisitList />}
        </section>

        {selected && <PatronPanel patronId={selected.patron.id} money={money} timeZone={settings.timeZone} />}

        <section aria-labelledby="lost-heading" className="rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="lost-heading" className="mb-3 text-lg font-semibold">Lost copy</h2>
          <MarkLostForm action={deskMarkLostAction} />
        </section>
      </DeskVisit>
    </div>
  );
}

type Status = NonNullable<Awaited<ReturnType<typeof borrowingStatus>>>;

/** Who is at the counter, what stops them borrowing, and "Done" to serve the next one. */
function PatronSummary({ status, money, timeZone }: { status: Status; money: (cents: number) => string; timeZone: string }) {
  const { patron, standing, openHolds, blocks } = status;
  const contact = [patron.email, patron.phone].filter(Boolean).join(" · ");
  return (
    <div className="mt-4 space-y-3">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-xl font-semibold">{patron.name}</p>
          <p className="text-sm text-stone-700">
            Card {patron.cardNumber}
            {contact && ` · ${contact}`} · {patron.category.name} · {patron.status === "ACTIVE" ? "active" : "blocked"}
            {patron.expiresAt && ` · card valid until ${formatDate(patron.expiresAt, timeZone)}`}
          </p>
          <p className="text-sm text-stone-700">
            {plural(standing.openLoans, "loan")} · {plural(standing.overdueLoans, "overdue loan")} · {plural(openHolds, "hold")} · owes {money(standing.unpaidFinesCents)}
          </p>
        </div>
        <div className="flex flex-wrap gap-3">
          <a href={`/admin/patrons/${patron.id}/card`} target="_blank" rel="noopener" className="self-center text-sm font-medium text-brand-800 underline">
            Print library card
          </a>
          {/* A plain GET: the page starts afresh, with the focus in the patron field. */}
          <form action="/admin/circulation">
            <button type="submit" className="min-h-10 rounded-md border border-stone-400 px-4 text-sm font-medium hover:bg-stone-100">Done</button>
          </form>
        </div>
      </div>
      {blocks.length > 0 && (
        <Notice tone="warning">
          <ul className="list-disc pl-5">
            {blocks.map((b) => <li key={b}>{b}</li>)}
          </ul>
        </Notice>
      )}
    </div>
  );
}

async function PatronPanel({ patronId, money, timeZone }: { patronId: number; money: (cents: number) => string; timeZone: string }) {
  const [loans, fines, holdShelf] = await Promise.all([currentLoans(patronId), patronFines(patronId), holdShelfFor(patronId)]);
  return (
    <section aria-label="Patron's loans, holds and fines" className="space-y-6 rounded-lg border border-stone-200 bg-white p-4">
      <div>
        <h3 className="font-semibold">Waiting on the hold shelf</h3>
        {holdShelf.length === 0 ? (
          <p className="text-sm">Nothing.</p>
        ) : (
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {holdShelf.map((hold) => (
              <li key={hold.id}>
                <span className="font-medium">{hold.title.title}</span>
                {hold.copy && ` · copy ${hold.copy.barcode}`}
                {hold.expiresAt && ` · pickup by ${formatDate(hold.expiresAt, timeZone)}`}
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
            <DeskForm
              action={deskPaymentAction}
              fields={[{ name: "amount", label: "Amount", inputMode: "decimal" }]}
              choice={{ name: "method", legend: "Paid by", options: PAYMENT_METHODS }}
              hidden={{ patronId }}
              submitLabel="Record payment"
              pendingText="Recording…"
            />
            <DeskForm
              action={deskWaiverAction}
              fields={[
                { name: "amount", label: "Amount to waive", inputMode: "decimal" },
                { name: "reason", label: "Reason" },
              ]}
              hidden={{ patronId }}
              submitLabel="Waive"
              pendingText="Waiving…"
            />
          </>
        )}
      </div>
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
                <DeskButton action={deskRenewAction} hidden={{ loanId: loan.id }} label="Renew" accessibleName={`Renew ${loan.title.title}`} pendingText="Renewing…" />
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
