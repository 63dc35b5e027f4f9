import { SectionNav } from "@/components/ui/section-nav";

const LINKS = [
  { href: "/account", label: "Overview" },
  { href: "/account/loans", label: "Loans" },
  { href: "/account/holds", label: "Reservations" },
  { href: "/account/fines", label: "Fines" },
  { href: "/account/history", label: "History" },
  { href: "/account/notifications", label: "Notifications" },
  { href: "/account/settings", label: "Settings" },
  { href: "/account/privacy", label: "Your data" },
];

export function AccountNav() {
  return <SectionNav label="My account" links={LINKS} />;
}
