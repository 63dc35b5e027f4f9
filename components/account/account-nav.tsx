import Link from "next/link";

const LINKS = [{ href: "/account", label: "Overview" }];

export function AccountNav() {
  return (
    <nav aria-label="My account" className="mb-6 flex gap-1 overflow-x-auto border-b border-stone-200 text-sm">
      {LINKS.map((l) => (
        <Link key={l.href} href={l.href} className="whitespace-nowrap px-3 py-2 font-medium text-brand-800 hover:bg-brand-50">
          {l.label}
        </Link>
      ))}
    </nav>
  );
}
