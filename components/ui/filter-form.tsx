import clsx from "clsx";
import type { ReactNode } from "react";
import { buttonClass } from "./button";

/**
 * A staff list's filter bar: a search landmark named `label` that submits by GET, keeping
 * `keep` (the sort order) in the URL so filtering does not reset it.
 */
export function FilterForm({ label, keep = {}, className, children }: { label: string; keep?: Record<string, string | undefined>; className: string; children: ReactNode }) {
  return (
    <form role="search" aria-label={label} className={clsx("grid gap-3 rounded-lg border border-stone-200 bg-white p-4", className)}>
      {children}
      {Object.entries(keep).map(([name, value]) => value !== undefined && <input key={name} type="hidden" name={name} value={value} />)}
      <button type="submit" className={buttonClass("primary")}>
        Filter
      </button>
    </form>
  );
}
