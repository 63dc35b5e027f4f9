import { z } from "zod";
import { normaliseCode } from "../codes";

export const titleActionSchema = z.object({ titleId: z.coerce.number().int().positive() });
export const loanActionSchema = z.object({ loanId: z.coerce.number().int().positive() });
export const holdActionSchema = z.object({ holdId: z.coerce.number().int().positive() });

export const barcodeSchema = z.object({
  barcode: z.string().trim().min(1, "Scan or type a barcode.").max(64, "That is not a barcode.").transform(normaliseCode),
});

export const deskCheckOutSchema = barcodeSchema.extend({ patronId: z.coerce.number().int().positive() });

export const patronLookupSchema = z.object({
  q: z.string().trim().min(1, "Type a card number, email or name.").max(200),
});
