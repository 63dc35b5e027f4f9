"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/account", label: "Overview" },
  { href: "/account/loans", label: "Loans" },
  { href: "/account/holds", label: "Reservations" },
  { href: "/account/fines", label: "Fines" },
  { href: "/account/history", label: "History" },
  { href: "/account/notifications", label: "Notifications" },
  { href: "/account/settings", label: "Settings" },
];

export function AccountNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="My account" className="mb-6 flex gap-1 overflow-x-auto border-b border-stone-200 text-sm">
      {LINKS.map((l) => {
        const current = pathname === l.href;
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
