import clsx from "clsx";
import { type AvailabilityInput, describeAvailability } from "@/lib/catalogue/availability";
import { now } from "@/lib/clock";

/** "2 of 3 available" in green, or why none is on the shelf. */
export function AvailabilityLine({ availability, timeZone, className }: { availability: AvailabilityInput; timeZone: string; className?: string }) {
  const { available, label } = describeAvailability(availability, timeZone, now());
  return (
    <p className={clsx("flex items-center gap-2 text-sm", available > 0 ? "text-emerald-800" : "text-stone-700", className)}>
      <span aria-hidden className={clsx("inline-block size-2 shrink-0 rounded-full", available > 0 ? "bg-emerald-600" : "bg-stone-400")} />
      {label}
    </p>
  );
}
