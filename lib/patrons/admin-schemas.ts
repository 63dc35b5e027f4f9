import { z } from "zod";

// One schema per staff form on patrons, shared by the form (field names, messages) and its action.

const id = z.coerce.number().int().positive();
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .transform((v) => (v === "" ? null : v));

/** A phone number as people write it, or null when left empty. */
export const phoneField = optionalText(40).pipe(z.string().regex(/^[0-9+()\-.\s]+$/, "Use digits, spaces and + ( ) - only.").nullable());

export const patronIdSchema = z.object({ patronId: id });

export const editPatronSchema = z.object({
  patronId: id,
  name: z.string().trim().min(1, "Enter the patron's name.").max(120, "Use at most 120 characters."),
  email: z.email("Enter a valid email address.").trim().toLowerCase().max(320),
  phone: phoneField,
  address: optionalText(400),
  categoryId: z.coerce.number({ error: "Choose a category." }).int().positive("Choose a category."),
});

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

export type EditPatronInput = z.infer<typeof editPatronSchema>;
export type BlockPatronInput = z.infer<typeof blockPatronSchema>;
