import { z } from "zod";
import { CARD_NUMBER, normaliseCode } from "../codes";

// One schema per staff form on patrons, shared by the form (field names, messages) and its action.

const id = z.coerce.number().int().positive();
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .transform((v) => (v === "" ? null : v));

/** An email is optional for a patron who gives a phone number instead (a walk-in at the desk). */
export const optionalEmail = optionalText(320).pipe(z.email("Enter a valid email address.").toLowerCase().nullable());
export const phoneNumber = optionalText(40).pipe(z.string().regex(/^[0-9+()\-.\s]+$/, "Use digits, spaces and + ( ) - only.").nullable());
/** A patron must be reachable: an email, a phone number, or both. */
export const reachable = (v: { email: string | null; phone: string | null }) => Boolean(v.email || v.phone);
export const REACHABLE_MESSAGE = "Enter an email or a phone number.";

export const patronIdSchema = z.object({ patronId: id });

export const editPatronSchema = z
  .object({
    patronId: id,
    name: z.string().trim().min(1, "Enter the patron's name.").max(120, "Use at most 120 characters."),
    email: optionalEmail,
    phone: phoneNumber,
    address: optionalText(400),
    categoryId: z.coerce.number({ error: "Choose a category." }).int().positive("Choose a category."),
  })
  .refine(reachable, { path: ["email"], message: REACHABLE_MESSAGE });

/**
 * A walk-in registered at the desk: a name, an email or a phone number, a category, and the
 * card in hand scanned or typed (left empty, a new card number is issued).
 */
export const deskRegisterSchema = z
  .object({
    name: z.string().trim().min(1, "Enter the patron's name.").max(120, "Use at most 120 characters."),
    email: optionalEmail,
    phone: phoneNumber,
    categoryId: z.coerce.number({ error: "Choose a category." }).int().positive("Choose a category."),
    cardNumber: optionalText(64)
      .transform((v) => (v === null ? null : normaliseCode(v)))
      .pipe(z.string().regex(CARD_NUMBER, "A card number is 4 to 32 letters, digits or dashes.").nullable()),
  })
  .refine(reachable, { path: ["email"], message: REACHABLE_MESSAGE });

export const blockPatronSchema = z.object({
  patronId: id,
  reason: z.string().trim().min(3, "Say why the account is blocked (the patron is told).").max(300, "Use at most 300 characters."),
});

export const unblockPatronSchema = z.object({
  patronId: id,
  note: optionalText(300),
});

export const setRoleSchema = z.object({
  userId: id,
  role: z.enum(["PATRON", "LIBRARIAN", "ADMIN"], { error: "Choose a role." }),
});

export const findStaffSchema = z.object({
  email: z.email("Enter a valid email address.").trim().toLowerCase().max(320),
});

export type DeskRegisterInput = z.infer<typeof deskRegisterSchema>;
export type EditPatronInput = z.infer<typeof editPatronSchema>;
export type BlockPatronInput = z.infer<typeof blockPatronSchema>;
