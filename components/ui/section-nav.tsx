"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { currentHref } from "./current-link";

/**
 * Tabs across the top of a section (the account); the current one is marked for screen readers
 * too. The tabs wrap onto a second line on a phone rather than scrolling some out of sight.
 */
export function SectionNav({ label, links, className = "" }: { label: string; links: { href: string; label: string }[]; className?: string }) {
  const pathname = usePathname();
  const current = currentHref(pathname, links.map((l) => l.href), links[0]?.href);
  return (
    <nav aria-label={label} className={`mb-6 border-b border-stone-200 text-sm ${className}`}>
      <ul className="flex flex-wrap gap-x-1">
        {links.map((l) => (
          <li key={l.href}>
            <Link
              href={l.href}
              aria-current={l.href === current ? "page" : undefined}
              className={`block whitespace-nowrap border-b-2 px-3 py-2 font-medium ${l.href === current ? "border-brand-700 text-brand-800" : "border-transparent text-stone-700 hover:bg-brand-50"}`}
            >
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
