import { removeClosureAction } from "@/app/admin/calendar/actions";
import { NewClosureForm } from "@/app/admin/calendar/_components/new-closure-form";
import { OpeningDaysForm } from "@/app/admin/calendar/_components/opening-days-form";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/lib/db";
import { formatClosureDates } from "@/lib/policies/opening-days";
import { requireRole } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";

export const metadata = { title: "Opening days" };

export default async function OpeningDaysPage() {
  await requireRole("ADMIN");
  const [settings, closures] = await Promise.all([getLibrarySettings(), db.libraryClosure.findMany({ orderBy: [{ startsOn: "asc" }, { id: "asc" }] })]);
  const { openingDays } = settings;
  return (
    <div className="space-y-8">
      <PageHeader
        title="Opening days"
        description="The days the library is closed. A loan is never due on a closed day, a reservation waits on the hold shelf for open days, and patrons see the next closures at the foot of every page. Loans already out keep their due dates."
      />
      <section aria-labelledby="weekly-heading" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="weekly-heading" className="text-lg font-semibold">
          Every week
        </h2>
        <OpeningDaysForm closedWeekdays={openingDays.closedWeekdays} noFinesOnClosedDays={openingDays.noFinesOnClosedDays} />
      </section>
      <section aria-labelledby="closures-heading" className="space-y-3">
        <h2 id="closures-heading" className="text-lg font-semibold">
          Holidays and other closures
        </h2>
        {closures.length === 0 ? (
          <p>No closures yet.</p>
        ) : (
          <DataTable
            caption="Closures"
            rows={closures}
            columns={[
              { header: "Closure", cell: (c) => <span className="font-medium">{c.name}</span> },
              { header: "Dates", cell: (c) => (c.yearly ? formatClosureDates({ firstDay: c.startsOn, lastDay: c.endsOn }) : rangeWithYear(c.startsOn, c.endsOn)) },
              { header: "Repeats", cell: (c) => (c.yearly ? "Every year" : "Once") },
              {
                header: "Actions",
                cell: (c) => (
                  <ConfirmAction
                    action={removeClosureAction}
                    fields={{ closureId: c.id }}
                    label="Remove"
                    accessibleName={`Remove ${c.name}`}
                    question={`Remove ${c.name} from the calendar? Loans already due after it keep their due dates.`}
                    confirmLabel="Yes, remove it"
                  />
                ),
              },
            ]}
          />
        )}
      </section>
      <section aria-labelledby="new-closure-heading" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="new-closure-heading" className="text-lg font-semibold">
          Add a closure
        </h2>
        <NewClosureForm />
      </section>
    </div>
  );
}

/** A one-off closure names its year: "3–14 Aug 2026". */
function rangeWithYear(firstDay: string, lastDay: string): string {
  return `${formatClosureDates({ firstDay, lastDay })} ${lastDay.slice(0, 4)}`;
}
