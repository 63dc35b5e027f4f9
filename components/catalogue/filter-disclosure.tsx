"use client";

import { type ReactNode, useEffect, useRef } from "react";

/**
 * The filters fold away above the results on small screens; on wide ones they sit open beside
 * the results. Without JavaScript they start folded and open with a click or the keyboard.
 */
export function FilterDisclosure({ summary, defaultOpen, children }: { summary: ReactNode; defaultOpen: boolean; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (ref.current && window.matchMedia("(min-width: 1024px)").matches) ref.current.open = true;
  }, []);
  return (
    <details ref={ref} open={defaultOpen || undefined} className="group rounded-lg border border-stone-200 bg-white">
      <summary className="flex min-h-11 cursor-pointer items-center justify-between rounded-lg px-4 font-medium text-stone-900 hover:bg-stone-50">
        {summary}
        <span aria-hidden className="text-stone-600 transition-transform group-open:rotate-180">
          ▾
        </span>
      </summary>
      <div className="border-t border-stone-200 p-4">{children}</div>
    </details>
  );
}
