"use client";

import { ActionForm } from "@/components/ui/action-form";
import type { FormAction } from "@/lib/errors";

/** The patron's private calendar address: subscribe in a calendar app, copy it, or replace it. */
export function CalendarFeed({ address, replaceAction }: { address: string; replaceAction: FormAction }) {
  const webcal = address.replace(/^https?:/, "webcal:");
  return (
    <section aria-labelledby="calendar-heading" className="mt-8 space-y-3 rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="calendar-heading" className="text-lg font-semibold">
        Due dates in your calendar
      </h2>
      <p className="max-w-prose text-sm text-stone-700">
        Subscribe once and your calendar shows each due date and the last day to collect a reservation, kept up to date as you borrow, renew and return.
      </p>
      <a href={webcal} className="inline-block rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2">
        Add to my calendar
      </a>
      <div className="space-y-1">
        <label htmlFor="calendar-address" className="block text-sm font-medium">
          Calendar address, for apps that ask for a link
        </label>
        <input
          id="calendar-address"
          readOnly
          value={address}
          onFocus={(e) => e.currentTarget.select()}
          aria-describedby="calendar-address-hint"
          className="w-full rounded-md border border-stone-300 bg-stone-50 px-3 py-2 font-mono text-sm"
        />
        <p id="calendar-address-hint" className="text-sm text-stone-600">
          Keep it private: anyone with this address can see what you have on loan.
        </p>
      </div>
      <ActionForm action={replaceAction} submit={{ label: "Make a new calendar link", pendingText: "Making a new link…", variant: "secondary" }} className="space-y-2">
        {() => <p className="text-sm text-stone-600">Shared it by mistake? A new link makes the old one stop working.</p>}
      </ActionForm>
    </section>
  );
}
