import { z } from "zod";
import { WEEKDAYS } from "./opening-days";

// The forms of the opening-days page, shared by form and action.

/** The weekly form: one checkbox per weekday, named `closed.<0-6>` (0 is Sunday), and the fine choice. */
export const openingDaysSchema = z.preprocess(
  (raw) => {
    const form = (raw ?? {}) as Record<string, unknown>;
    return { ...form, closedWeekdays: WEEKDAYS.map((_, d) => d).filter((d) => form[`closed.${d}`] === "on") };
  },
  z.object({
    closedWeekdays: z.array(z.number().int().min(0).max(6)).max(6, "Leave at least one day of the week open."),
    noFinesOnClosedDays: z.preprocess((v) => v === "on" || v === true || v === "true", z.boolean()),
  }),
);

export type OpeningDaysInput = z.infer<typeof openingDaysSchema>;

/** "2026-12-25", a day that exists. */
function isDay(d: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
}

const DAY_MS = 86_400_000;

export const newClosureSchema = z
  .object({
    name: z.string().trim().min(1, "Enter what the closure is, like Christmas.").max(60, "Use at most 60 characters."),
    startsOn: z.string({ error: "Enter the first day closed." }).trim().refine(isDay, "Enter the first day closed as a date, like 2026-12-25."),
    // Empty for a one-day closure.
    endsOn: z
      .string()
      .trim()
      .default("")
      .refine((d) => d === "" || isDay(d), "Enter the last day closed as a date, like 2026-12-26, or leave it empty for one day."),
    yearly: z.preprocess((v) => v === "on" || v === true || v === "true", z.boolean()),
  })
  .transform((v) => ({ ...v, endsOn: v.endsOn || v.startsOn }))
  .superRefine((v, ctx) => {
    const span = (Date.parse(`${v.endsOn}T00:00:00Z`) - Date.parse(`${v.startsOn}T00:00:00Z`)) / DAY_MS;
    if (span < 0) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "The last day closed cannot be before the first." });
    // A yearly closure is a run of days within a year; a longer one-off closure is still under a year.
    else if (span >= 365) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "A closure lasts less than a year." });
  });

export type NewClosureInput = z.infer<typeof newClosureSchema>;

export const removeClosureSchema = z.object({ closureId: z.coerce.number({ error: "Unknown closure." }).int().positive("Unknown closure.") });
