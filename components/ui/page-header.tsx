import Link from "next/link";
import type { ReactNode } from "react";

/** A page's title, with an optional line of description, actions beside it and a link back to its list above it. */
export function PageHeader({ title, description, actions, back }: { title: string; description?: ReactNode; actions?: ReactNode; back?: { href: string; label: string } }) {
  return (
    <div className="mb-6">
      {back && (
        <p className="mb-2 text-sm">
          <Link href={back.href} className="font-medium text-brand-800 underline">
            {back.label}
          </Link>
        </p>
      )}
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="font-serif text-2xl font-semibold text-stone-900 sm:text-3xl">{title}</h1>
          {description && <p className="mt-1 text-stone-700">{description}</p>}
        </div>
        {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
      </div>
    </div>
  );
}
