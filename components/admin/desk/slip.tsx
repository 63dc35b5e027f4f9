import clsx from "clsx";
import Link from "next/link";
import type { ReactNode } from "react";
import { Notice } from "@/components/ui/notice";
import { PrintSlipButton } from "./print-slip-button";

/** The papers a slip or card prints on; each is a named @page in app/globals.css. */
export const PAPERS = {
  receipt: "80 mm receipt",
  a4: "A4",
  card: "Card, 85.6 × 54 mm",
} as const;
export type Paper = keyof typeof PAPERS;

/** The paper asked for in the URL (?paper=a4), or the first one this page offers. */
export function paperFrom(raw: string | undefined, offered: readonly Paper[]): Paper {
  return offered.find((p) => p === raw) ?? offered[0];
}

/**
 * A printable page: the controls (paper, print, back to the desk) show on screen only, and the
 * slip itself prints alone at its paper's size.
 */
export function SlipPage({
  title,
  paper,
  offered,
  path,
  printLabel,
  children,
}: {
  title: string;
  paper: Paper;
  offered: readonly Paper[];
  /** This page's address, for the paper links. */
  path: string;
  printLabel?: string;
  children: ReactNode;
}) {
  return (
    <div className="space-y-4">
      <div className="no-print space-y-3">
        <p className="text-sm">
          <Link href="/admin/circulation" className="font-medium text-brand-800 underline">
            Circulation desk
          </Link>
        </p>
        <h1 className="font-serif text-2xl font-semibold">{title}</h1>
        <div className="flex flex-wrap items-center gap-4">
          <nav aria-label="Paper" className="flex flex-wrap gap-3 text-sm">
            {offered.map((p) => (
              <Link key={p} href={`${path}?paper=${p}`} aria-current={p === paper ? "page" : undefined} className={clsx("underline", p === paper ? "font-semibold text-stone-900" : "text-brand-800")}>
                {PAPERS[p]}
              </Link>
            ))}
          </nav>
          <PrintSlipButton label={printLabel} />
        </div>
      </div>
      <article aria-label={title} className={`slip slip-${paper} bg-white text-black`}>
        {children}
      </article>
    </div>
  );
}

/** A line of the slip: a label and its value, side by side. */
export function SlipLine({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex justify-between gap-3">
      <dt>{label}</dt>
      <dd className="text-right font-semibold">{children}</dd>
    </div>
  );
}

/** A slip for a record that is not there (a mistyped address, a hold since collected), said on the desk's terms. */
export function MissingSlip({ title, message }: { title: string; message: string }) {
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/admin/circulation" className="font-medium text-brand-800 underline">
          Circulation desk
        </Link>
      </p>
      <h1 className="font-serif text-2xl font-semibold">{title}</h1>
      <Notice tone="error">{message}</Notice>
    </div>
  );
}
