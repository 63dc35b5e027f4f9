"use client";

import clsx from "clsx";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useId, useState } from "react";
import { currentHref } from "./current-link";

export type NavGroup = { heading: string; links: { href: string; label: string }[] };

/**
 * A section's links in named groups: a sidebar from 1024 px, and below that a menu button that
 * names the current page and opens the same grouped list, so no link is ever off-screen.
 * The first link of the first group is the section's overview, current only on itself.
 */
export function GroupedNav({ label, groups, className = "" }: { label: string; groups: NavGroup[]; className?: string }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const links = groups.flatMap((g) => g.links);
  const current = currentHref(pathname, links.map((l) => l.href), links[0]?.href);
  const currentLabel = links.find((l) => l.href === current)?.label;

  // Following a link closes the phone menu; the page it opens is what the person wants to see.
  useEffect(() => setOpen(false), [pathname]);

  return (
    <nav aria-label={label} className={clsx("mb-6 text-sm lg:mb-0 lg:w-52 lg:shrink-0", className)}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
        className="flex w-full items-center justify-between gap-2 rounded border border-stone-300 bg-white px-3 py-2 text-left font-medium text-stone-800 lg:hidden"
      >
        <span>
          {label} menu{currentLabel && <span className="font-normal text-stone-600">: {currentLabel}</span>}
        </span>
        <span aria-hidden="true">{open ? "▲" : "▼"}</span>
      </button>
      <div id={listId} className={clsx("mt-2 space-y-4 rounded border border-stone-200 bg-white p-3 lg:mt-0 lg:block lg:border-0 lg:bg-transparent lg:p-0", !open && "hidden")}>
        {groups.map((group, g) => (
          <div key={group.heading}>
            {/* Not a heading: the page's own headings stay the only ones a screen reader lists. */}
            <p id={`${listId}-${g}`} className="mb-1 px-3 text-xs font-semibold uppercase tracking-wide text-stone-600">
              {group.heading}
            </p>
            <ul aria-labelledby={`${listId}-${g}`} className="space-y-0.5">
              {group.links.map((l) => (
                <li key={l.href}>
                  <Link
                    href={l.href}
                    aria-current={l.href === current ? "page" : undefined}
                    className={clsx(
                      "block rounded border-l-4 px-3 py-1.5 font-medium",
                      l.href === current ? "border-brand-700 bg-brand-50 text-brand-800" : "border-transparent text-stone-700 hover:bg-brand-50",
                    )}
                  >
                    {l.label}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </nav>
  );
}
