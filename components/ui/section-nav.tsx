"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/**
 * Tabs across the top of a section (the account, the staff dashboard); the current one is marked
 * for screen readers too. With `nested`, a link stays current on the pages below it, except the
 * first (the section's overview), which is current only on itself.
 */
export function SectionNav({ label, links, nested = false, className = "" }: { label: string; links: { href: string; label: string }[]; nested?: boolean; className?: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className={`mb-6 flex gap-1 overflow-x-auto border-b border-stone-200 text-sm ${className}`}>
      {links.map((l, i) => {
        const current = nested && i > 0 ? pathname.startsWith(l.href) : pathname === l.href;
        return (
          <Link
            key={l.href}
            href={l.href}
            aria-current={current ? "page" : undefined}
            className={`whitespace-nowrap border-b-2 px-3 py-2 font-medium ${current ? "border-brand-700 text-brand-800" : "border-transparent text-stone-700 hover:bg-brand-50"}`}
          >
            {l.label}
          </Link>
        );
      })}
    </nav>
  );
}
