"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

type NavLink = { href: string; label: string; adminOnly?: boolean };

const LINKS: NavLink[] = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/circulation", label: "Circulation desk" },
  { href: "/admin/holds", label: "Holds" },
  { href: "/admin/overdue", label: "Overdue" },
  { href: "/admin/inventory", label: "Inventory" },
  { href: "/admin/inventory/import", label: "Import/export" },
  { href: "/admin/notifications", label: "Notifications" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/patrons", label: "Patrons" },
  { href: "/admin/reports", label: "Reports" },
  { href: "/admin/policies", label: "Policies", adminOnly: true },
  { href: "/admin/staff", label: "Staff & roles", adminOnly: true },
  { href: "/admin/settings", label: "Settings", adminOnly: true },
];

/** The staff dashboard's sections; the current one is marked for screen readers too. */
export function AdminNav({ isAdmin }: { isAdmin: boolean }) {
  const pathname = usePathname();
  const links = LINKS.filter((l) => isAdmin || !l.adminOnly);
  return (
    <nav aria-label="Staff dashboard" className="mb-6 flex gap-1 overflow-x-auto border-b border-stone-200 text-sm no-print">
      {links.map((l) => {
        const current = l.href === "/admin" ? pathname === "/admin" : pathname.startsWith(l.href);
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
