"use client";

import { useState } from "react";
import { removeClosureAction } from "@/app/admin/calendar/actions";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { DataTable } from "@/components/ui/data-table";
import { Notice } from "@/components/ui/notice";
import type { FormAction } from "@/lib/errors";
import { formatClosureDates } from "@/lib/policies/opening-days";

type ClosureRow = { id: number; name: string; startsOn: string; endsOn: string; yearly: boolean };

/**
 * The library's closures with a Remove button each. A removed closure's row goes with its
 * confirmation, so the confirmation is kept here, above the table, where the admin reads it.
 */
export function ClosureList({ closures }: { closures: ClosureRow[] }) {
  const [removed, setRemoved] = useState<string | null>(null);
  const remove: FormAction<undefined> = async (prev, form) => {
    const result = await removeClosureAction(prev, form);
    setRemoved(result.ok ? (result.message ?? null) : null);
    return result;
  };
  return (
    <div className="space-y-3">
      {removed && <Notice tone="success">{removed}</Notice>}
      <DataTable
        empty="No closures yet."
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
                action={remove}
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
    </div>
  );
}

/** A one-off closure names its year: "3–14 Aug 2026". */
function rangeWithYear(firstDay: string, lastDay: string): string {
  return `${formatClosureDates({ firstDay, lastDay })} ${lastDay.slice(0, 4)}`;
}
