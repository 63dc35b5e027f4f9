import { ClosureList } from "@/app/admin/calendar/_components/closure-list";
import { NewClosureForm } from "@/app/admin/calendar/_components/new-closure-form";
import { OpeningDaysForm } from "@/app/admin/calendar/_components/opening-days-form";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/lib/db";
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
        <ClosureList closures={closures.map(({ id, name, startsOn, endsOn, yearly }) => ({ id, name, startsOn, endsOn, yearly }))} />
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
