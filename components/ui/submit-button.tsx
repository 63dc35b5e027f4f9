"use client";

import type { ReactNode, Ref } from "react";
import { useFormStatus } from "react-dom";
import { buttonClass } from "./button";

/** A submit button that is disabled while its form is being sent (no double submissions). */
export function SubmitButton({
  children,
  pendingText,
  variant = "primary",
  className,
  ariaLabel,
  ariaDescribedBy,
  ref,
}: {
  children: ReactNode;
  pendingText?: string;
  variant?: "primary" | "secondary" | "danger" | "ghost";
  className?: string;
  /** When the visible text alone is ambiguous ("Renew" in a list of loans). */
  ariaLabel?: string;
  ariaDescribedBy?: string;
  ref?: Ref<HTMLButtonElement>;
}) {
  const { pending } = useFormStatus();
  return (
    <button ref={ref} type="submit" disabled={pending} aria-disabled={pending} aria-label={ariaLabel} aria-describedby={ariaDescribedBy} className={buttonClass(variant, className)}>
      {pending && pendingText ? pendingText : children}
    </button>
  );
}
