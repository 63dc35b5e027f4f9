import { z } from "zod";
import { normaliseCode } from "../codes";

export const titleActionSchema = z.object({ titleId: z.coerce.number().int().positive() });
export const loanActionSchema = z.object({ loanId: z.coerce.number().int().positive() });
export const holdActionSchema = z.object({ holdId: z.coerce.number().int().positive() });

/** The library cancels a patron's hold and says why (the patron is told): the holds page and the API. */
export const cancelHoldReasonSchema = z.object({ reason: z.string().trim().min(3, "Say why the reservation is cancelled.").max(300) });
export const cancelHoldByLibrarySchema = holdActionSchema.extend(cancelHoldReasonSchema.shape);

export const barcodeSchema = z.object({
  barcode: z.string().trim().min(1, "Scan or type a barcode.").max(64, "That is not a barcode.").transform(normaliseCode),
});

export const deskCheckOutSchema = barcodeSchema.extend({ patronId: z.coerce.number().int().positive() });

export const patronLookupSchema = z.object({
  q: z.string().trim().min(1, "Type a card number, email or name.").max(200),
});
