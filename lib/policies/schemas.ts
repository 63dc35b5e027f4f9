import { z } from "zod";

// The staff forms on policies, categories and library settings, shared by form and action.

const MAX_DAYS = 3_650;

/** A whole number typed in a form ("" and "-1" and "1.5" are refused, not coerced). */
function whole(label: string, min: number, max = MAX_DAYS) {
  return z
    .string({ error: `Enter ${label}.` })
    .trim()
    .regex(/^\d+$/, min > 0 ? `Enter a whole number, ${min} or more.` : "Enter a whole number, 0 or more (no negatives).")
    .transform(Number)
    .refine((n) => n >= min, `Enter ${min} or more.`)
    .refine((n) => n <= max, `Enter at most ${max.toLocaleString("en-US")}.`);
}

/** Money typed as "0.25" or "5" (the library's currency) to whole cents. */
export function parseMoneyCents(input: string): number | null {
  const m = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(input.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

/** Cents back to the form's text ("0.25"). */
export function centsToInput(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}

function money(label: string) {
  return z
    .string({ error: `Enter ${label}.` })
    .trim()
    .transform((value, ctx) => {
      const cents = parseMoneyCents(value);
      if (cents === null) {
        ctx.addIssue({ code: "custom", message: "Enter an amount like 0.25 (no negatives, at most two decimals)." });
        return z.NEVER;
      }
      return cents;
    });
}

/** "1, 7,14" → "1,7,14": whole days after the due date, each positive and later than the one before. */
const noticeDays = z
  .string({ error: "Enter the notice days." })
  .trim()
  .transform((value, ctx) => {
    const parts = value.split(",").map((p) => p.trim());
    if (parts.some((p) => !/^\d+$/.test(p))) {
      ctx.addIssue({ code: "custom", message: 'Enter whole days separated by commas, like "1,7,14".' });
      return z.NEVER;
    }
    const days = parts.map(Number);
    if (days.some((d) => d < 1 || d > MAX_DAYS)) {
      ctx.addIssue({ code: "custom", message: "Each notice day must be 1 or more." });
      return z.NEVER;
    }
    if (days.some((d, i) => i > 0 && d <= days[i - 1])) {
      ctx.addIssue({ code: "custom", message: "List the notice days in increasing order, each once." });
      return z.NEVER;
    }
    return days.join(",");
  });

const policyFields = {
  loanPeriodDays: whole("the loan period", 1),
  maxLoans: whole("the loan limit", 0, 1_000),
  maxRenewals: whole("the number of renewals", 0, 100),
  fineDailyCents: money("the daily fine"),
  fineGraceDays: whole("the grace days", 0),
  fineCapCents: money("the fine cap"),
  blockThresholdCents: money("the block threshold"),
  maxHolds: whole("the hold limit", 0, 1_000),
  holdPickupDays: whole("the pickup window", 1),
  dueSoonDays: whole("the due-soon days", 0),
  overdueNoticeDays: noticeDays,
  cardValidityDays: whole("the card validity", 1, 36_500),
};

type PolicyValues = { fineDailyCents: number; fineCapCents: number; blockThresholdCents: number };

function policyRules<T extends PolicyValues>(v: T, ctx: z.RefinementCtx) {
  if (v.fineCapCents < v.fineDailyCents) ctx.addIssue({ code: "custom", path: ["fineCapCents"], message: "The cap must be at least the daily fine." });
  if (v.blockThresholdCents <= 0) ctx.addIssue({ code: "custom", path: ["blockThresholdCents"], message: "The block threshold must be more than 0." });
}

export const policySchema = z
  .object({
    categoryId: z.coerce.number().int().positive(),
    name: z.string().trim().min(1, "Enter the category's name.").max(60, "Use at most 60 characters."),
    ...policyFields,
  })
  .superRefine(policyRules);

export const newCategorySchema = z
  .object({
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z][A-Z0-9_]{1,19}$/, "Use 2 to 20 capital letters, digits or _, starting with a letter (like SENIOR)."),
    name: z.string().trim().min(1, "Enter the category's name.").max(60, "Use at most 60 characters."),
    ...policyFields,
  })
  .superRefine(policyRules);

/** A checkbox's value: "on" when ticked, absent when not. */
const checkbox = z.preprocess((v) => v === "on" || v === true || v === "true", z.boolean());

const TIME_ZONES = new Set(Intl.supportedValuesOf("timeZone"));

// Intl.NumberFormat accepts any well-formed three-letter code; the list holds the real ones.
const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

export const librarySettingsSchema = z.object({
  name: z.string().trim().min(1, "Enter the library's name.").max(120, "Use at most 120 characters."),
  timeZone: z
    .string()
    .trim()
    // "UTC" is valid everywhere though some runtimes list only "Etc/UTC".
    .refine((tz) => tz === "UTC" || TIME_ZONES.has(tz), "Choose a time zone from the list (like Europe/Paris)."),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "Enter a three-letter ISO currency code (like EUR).")
    .refine((c) => CURRENCIES.has(c), "This is not an ISO currency code (like EUR or USD)."),
  dailyJobTime: z
    .string()
    .trim()
    // A time field may send seconds ("06:00:00"); the job runs to the minute.
    .transform((t) => t.replace(/^(\d\d:\d\d):\d\d$/, "$1"))
    .pipe(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter a time of day as HH:MM, like 06:00.")),
  // Circulation choices, sent as checkboxes (absent means unticked).
  selfServiceReturn: checkbox,
  keepLostChargeWhenFound: checkbox,
  // Blank is off: returned loans keep their patron.
  anonymiseLoansAfterDays: z.preprocess(
    (v) => (v === undefined || v === null || String(v).trim() === "" ? null : Number(String(v).trim())),
    z.number({ error: "Enter a whole number of days, or leave it blank." }).int("Enter a whole number of days.").min(1, "Use at least 1 day.").max(3650, "Use at most 3650 days.").nullable(),
  ),
});

/** A matrix field left blank inherits (null); otherwise read as `field` reads it. */
function inheritable<T extends z.ZodType<number, string>>(field: T) {
  return z.union([z.literal("").transform(() => null), field]);
}

/** Yes / no / inherit, as a select sends it. */
const choice = z.enum(["inherit", "yes", "no"], { error: "Choose one." }).transform((v) => (v === "inherit" ? null : v === "yes"));

/** One cell of the circulation matrix, or (no categoryId) an item type's default row. */
export const ruleSchema = z
  .object({
    categoryId: z.union([z.literal("").transform(() => null), z.coerce.number().int().positive()]),
    itemTypeId: z.coerce.number().int().positive(),
    loanPeriodDays: inheritable(whole("the loan period", 1)),
    maxLoans: inheritable(whole("the loan limit", 0, 1_000)),
    maxRenewals: inheritable(whole("the number of renewals", 0, 100)),
    fineDailyCents: inheritable(money("the daily fine")),
    fineGraceDays: inheritable(whole("the grace days", 0)),
    fineCapCents: inheritable(money("the fine cap")),
    holdable: choice,
    notForLoan: choice,
  })
  .superRefine((v, ctx) => {
    if (v.fineCapCents !== null && v.fineDailyCents !== null && v.fineCapCents < v.fineDailyCents) {
      ctx.addIssue({ code: "custom", path: ["fineCapCents"], message: "The cap must be at least the daily fine." });
    }
  });

export const itemTypeSchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z][A-Z0-9_]{1,19}$/, "Use 2 to 20 capital letters, digits or _, starting with a letter (like BOARD_GAME)."),
  name: z.string().trim().min(1, "Enter the item type's name.").max(40, "Use at most 40 characters."),
});

export type RuleInput = z.infer<typeof ruleSchema>;
export type ItemTypeInput = z.infer<typeof itemTypeSchema>;
export type PolicyInput = z.infer<typeof policySchema>;
export type NewCategoryInput = z.infer<typeof newCategorySchema>;
export type LibrarySettingsInput = z.infer<typeof librarySettingsSchema>;

export function timeZoneChoices(): string[] {
  return ["UTC", ...[...TIME_ZONES].filter((tz) => tz !== "UTC").sort()];
}
