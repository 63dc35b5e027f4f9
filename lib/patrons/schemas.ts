import { z } from "zod";
import { optionalText, phoneNumber } from "./admin-schemas";

// One schema per form, shared by the form (field names, messages) and its server action.

const password = z
  .string()
  .min(10, "Use at least 10 characters.")
  .max(200, "Use at most 200 characters.");

export const signInSchema = z.object({
  identifier: z.string().trim().min(1, "Enter your email or library card number.").max(320),
  password: z.string().min(1, "Enter your password.").max(200),
});

export const registerSchema = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(120, "Use at most 120 characters."),
  email: z.email("Enter a valid email address.").trim().toLowerCase().max(320),
  password,
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password."),
    newPassword: password,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords differ.",
  });

export const forgotPasswordSchema = z.object({
  email: z.email("Enter a valid email address.").trim().toLowerCase().max(320),
});

const token = z.string().trim().min(1, "This link is incomplete: open it from the email again.").max(200);

/** The new password chosen from a reset link (the same rules as registration and change). */
export const resetPasswordSchema = z
  .object({ token, newPassword: password, confirmPassword: z.string() })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords differ." });

export const emailChangeSchema = z.object({
  newEmail: z.email("Enter a valid email address.").trim().toLowerCase().max(320),
  currentPassword: z.string().min(1, "Enter your current password."),
});

export const confirmEmailSchema = z.object({ token });

export const createAdminSchema = registerSchema.extend({
  setupCode: z.string().trim().min(1, "Enter the setup code printed on the console when Stacks started.").max(40),
});

/** A patron's own details on their account (the email and card stay with the desk). */
export const profileSchema = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(120, "Use at most 120 characters."),
  phone: phoneNumber,
  address: optionalText(400),
  // Optional in the schema too: other forms that save a profile need not know of it.
  pickupLocation: optionalText(120).optional(),
});

export type ProfileInput = z.infer<typeof profileSchema>;
export type RegisterInput = z.infer<typeof registerSchema>;
export type CreateAdminInput = z.infer<typeof createAdminSchema>;
