import { SectionNav } from "@/components/ui/section-nav";

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

/** The staff dashboard's sections; policies, roles and settings only for an ADMIN. */
export function AdminNav({ isAdmin }: { isAdmin: boolean }) {
  return <SectionNav label="Staff dashboard" links={LINKS.filter((l) => isAdmin || !l.adminOnly)} nested className="no-print" />;
}
