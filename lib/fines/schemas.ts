import { z } from "zod";
import { parseMoney } from "./money-input";

/** Money typed by a librarian ("2.50", "£3", "1.5") → cents; the rule is parseMoney's. */
export const moneyInput = z.string().transform((s, ctx) => {
  const parsed = parseMoney(s);
  if (parsed.ok) return parsed.cents;
  ctx.addIssue({ code: "custom", message: parsed.message });
  return z.NEVER;
});

const amountSchema = z.object({
  patronId: z.coerce.number().int().positive(),
  amount: moneyInput,
  fineId: z.coerce.number().int().positive().optional(),
});

export const PAYMENT_METHODS = [
  { value: "CASH", label: "Cash" },
  { value: "CARD", label: "Card" },
  { value: "OTHER", label: "Other" },
] as const;

export const paymentSchema = amountSchema.extend({
  method: z.enum(["CASH", "CARD", "OTHER"], { error: "Choose how the patron paid." }),
});

export const waiverSchema = amountSchema.extend({
  reason: z.string().trim().min(3, "Say why the fine is waived.").max(300),
});
