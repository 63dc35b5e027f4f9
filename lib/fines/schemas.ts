import { z } from "zod";

/** Money typed by a librarian ("2.50", "2,50", "3") → cents. */
export const moneyInput = z
  .string()
  .trim()
  .regex(/^\d{1,6}([.,]\d{1,2})?$/, "Enter an amount like 2.50.")
  .transform((s) => Math.round(Number(s.replace(",", ".")) * 100))
  .refine((cents) => cents > 0, "Enter an amount above zero.");

export const paymentSchema = z.object({
  patronId: z.coerce.number().int().positive(),
  amount: moneyInput,
  fineId: z.coerce.number().int().positive().optional(),
});

export const waiverSchema = paymentSchema.extend({
  reason: z.string().trim().min(3, "Say why the fine is waived.").max(300),
});
