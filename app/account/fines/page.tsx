import { PageHeader } from "@/components/ui/page-header";
import { patronFines } from "@/lib/fines/patron-fines";
import { formatDate, formatMoney } from "@/lib/format";
import { requireUser } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";

export const metadata = { title: "Fines" };

export default async function FinesPage() {
  const user = await requireUser();
  const [{ balanceCents, fines, payments }, settings] = await Promise.all([patronFines(user.id), getLibrarySettings()]);
  const money = (cents: number) => formatMoney(cents, settings.currency);
  return (
    <div className="space-y-8">
      <PageHeader title="Fines" description={<>You owe <strong>{money(balanceCents)}</strong>.{balanceCents > 0 && " You can pay at the desk."}</>} />
      <section aria-labelledby="fines-heading">
        <h2 id="fines-heading" className="mb-2 text-lg font-semibold">Charges</h2>
        {fines.length === 0 ? (
          <p>No fines. Thank you for bringing your books back on time.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[32rem] border-collapse text-left text-sm">
              <thead>
                <tr className="border-b border-stone-300">
                  <th scope="col" className="py-2 pr-4">Date</th>
                  <th scope="col" className="py-2 pr-4">What for</th>
                  <th scope="col" className="py-2 pr-4 text-right">Amount</th>
                  <th scope="col" className="py-2 text-right">Still owed</th>
                </tr>
              </thead>
              <tbody>
                {fines.map((fine) => (
                  <tr key={fine.id} className="border-b border-stone-200">
                    <td className="py-2 pr-4">{formatDate(fine.createdAt, settings.timeZone)}</td>
                    <td className="py-2 pr-4">{fine.description}</td>
                    <td className="py-2 pr-4 text-right">{money(fine.amountCents)}</td>
                    <td className="py-2 text-right">{money(fine.outstandingCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
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
