import clsx from "clsx";
import type { ReactNode } from "react";

export type Tone = "info" | "success" | "error" | "warning";

const TONES: Record<Tone, string> = {
  info: "border-sky-300 bg-sky-50 text-sky-950",
  success: "border-emerald-300 bg-emerald-50 text-emerald-950",
  error: "border-red-300 bg-red-50 text-red-950",
  warning: "border-amber-300 bg-amber-50 text-amber-950",
};

/** The look of a notice of `tone`, for a message area that is itself the live region. */
export function noticeClass(tone: Tone, className?: string): string {
  return clsx("rounded-md border px-4 py-3 text-sm", TONES[tone], className);
}

/** A message box; errors are announced (role="alert"), the rest politely (role="status"). */
export function Notice({ tone = "info", children, className }: { tone?: Tone; children: ReactNode; className?: string }) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={noticeClass(tone, className)}>
      {children}
    </div>
  );
}
