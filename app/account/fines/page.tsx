import { DataTable } from "@/components/ui/data-table";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { standingAdvice, standingHeadline } from "@/lib/circulation/messages";
import { accountOverview } from "@/lib/circulation/patron-standing";
import { now } from "@/lib/clock";
import { patronFines } from "@/lib/fines/patron-fines";
import { formatDate, formatMoney } from "@/lib/format";
import { requireUser } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";

export const metadata = { title: "Fines" };

export default async function FinesPage() {
  const user = await requireUser();
  const [{ balanceCents, fines, payments }, settings, overview] = await Promise.all([patronFines(user.id), getLibrarySettings(), accountOverview(user.id, now())]);
  const finesBlock = overview?.refusals.find((r) => r.reason === "FINES_BLOCK");
  const money = (cents: number) => formatMoney(cents, settings.currency);
  return (
    <div className="space-y-8">
      <PageHeader title="Fines" description={<>You owe <strong>{money(balanceCents)}</strong>.{balanceCents > 0 && !finesBlock && " You can pay at the desk."}</>} />
      {finesBlock && (
        <Notice tone="warning">
          <strong>{standingHeadline(finesBlock, settings.currency, settings.timeZone)}.</strong> {standingAdvice(finesBlock, settings.currency)}
        </Notice>
      )}
      <section aria-labelledby="fines-heading">
        <h2 id="fines-heading" className="mb-2 text-lg font-semibold">Charges</h2>
        <DataTable
          empty="No fines. Thank you for bringing your books back on time."
          rows={fines}
          caption="Your charges"
          minWidth="sm:min-w-[32rem]"
          columns={[
            { header: "Date", cell: (fine) => formatDate(fine.createdAt, settings.timeZone) },
            { header: "What for", cell: (fine) => fine.description },
            { header: "Amount", cell: (fine) => money(fine.amountCents), numeric: true },
            { header: "Still owed", cell: (fine) => money(fine.outstandingCents), numeric: true },
          ]}
        />
      </section>
      <section aria-labelledby="payments-heading">
        <h2 id="payments-heading" className="mb-2 text-lg font-semibold">Payments and waivers</h2>
        {payments.length === 0 ? (
          <p>None yet.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {payments.map((p) => (
              <li key={p.id}>
                {formatDate(p.createdAt, settings.timeZone)}: {p.kind === "PAYMENT" ? "paid" : "waived"} {money(p.amountCents)}
                {p.reason && ` (${p.reason})`}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
