import { GroupedNav, type NavGroup } from "@/components/ui/grouped-nav";

type NavLink = { href: string; label: string; adminOnly?: boolean };

// Grouped by the work a librarian is doing, so fourteen sections read as five short lists.
const GROUPS: { heading: string; links: NavLink[] }[] = [
  {
    heading: "Desk",
    links: [
      { href: "/admin", label: "Overview" },
      { href: "/admin/circulation", label: "Circulation desk" },
      { href: "/admin/holds", label: "Holds" },
      { href: "/admin/overdue", label: "Overdue" },
    ],
  },
  {
    heading: "Catalogue",
    links: [
      { href: "/admin/inventory", label: "Inventory" },
      { href: "/admin/inventory/import", label: "Import/export" },
    ],
  },
  {
    heading: "People",
    links: [
      { href: "/admin/patrons", label: "Patrons" },
      { href: "/admin/staff", label: "Staff & roles", adminOnly: true },
    ],
  },
  {
    heading: "Reports",
    links: [
      { href: "/admin/reports", label: "Reports" },
      { href: "/admin/audit", label: "Audit log" },
      { href: "/admin/notifications", label: "Notifications" },
    ],
  },
  {
    heading: "Library",
    links: [
      { href: "/admin/policies", label: "Policies", adminOnly: true },
      { href: "/admin/settings", label: "Settings", adminOnly: true },
      { href: "/admin/calendar", label: "Opening days", adminOnly: true },
      { href: "/admin/devices", label: "Self-check devices", adminOnly: true },
      { href: "/admin/api-keys", label: "API keys", adminOnly: true },
    ],
  },
];

/** The staff dashboard's sections; policies, roles and settings only for an ADMIN. */
export function AdminNav({ isAdmin }: { isAdmin: boolean }) {
  const groups: NavGroup[] = GROUPS.map((g) => ({ heading: g.heading, links: g.links.filter((l) => isAdmin || !l.adminOnly) })).filter((g) => g.links.length > 0);
  return <GroupedNav label="Staff dashboard" groups={groups} className="no-print" />;
}
