"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { anyone, serverAction } from "@/app/_lib/server-action";
import { signIn, signOut } from "@/lib/auth";
import { DomainError } from "@/lib/errors";
import { changePassword } from "@/lib/patrons/change-password";
import { createFirstAdmin } from "@/lib/patrons/create-first-admin";
import { registerPatron } from "@/lib/patrons/register-patron";
import { changePasswordSchema, createAdminSchema, registerSchema, signInSchema } from "@/lib/patrons/schemas";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { requireUser } from "@/lib/session";
import { formObject, parseInput } from "@/lib/validation";

/** Signs in and redirects to `redirectTo`; a refused sign-in is a DomainError for the form. */
async function signInWith(identifier: string, password: string, redirectTo: string): Promise<void> {
  try {
    await signIn("credentials", { identifier, password, redirectTo });
  } catch (e) {
    if (e instanceof AuthError) {
      const code = (e as AuthError & { code?: string }).code;
      throw code === "throttled"
        ? new DomainError("RATE_LIMITED", "Too many failed attempts. Please wait 15 minutes and try again.")
        : new DomainError("UNAUTHENTICATED", "That email or card number and password do not match an account.");
    }
    throw e; // the redirect after a successful sign-in
  }
}

export const signInAction = serverAction({
  guard: anyone,
  input: (form) => ({ ...parseInput(signInSchema, formObject(form)), redirectTo: safeCallbackPath(form.get("callbackUrl")) }),
  run: ({ identifier, password, redirectTo }) => signInWith(identifier, password, redirectTo),
});

export const registerAction = serverAction({
  guard: anyone,
  input: registerSchema,
  run: async (input) => {
    await registerPatron(input);
    await signInWith(input.email, input.password, "/account?welcome=1");
  },
});

export const createFirstAdminAction = serverAction({
  guard: anyone,
  input: createAdminSchema,
  run: async (input) => {
    await createFirstAdmin(input);
    await signInWith(input.email, input.password, "/admin");
  },
});

export const changePasswordAction = serverAction({
  guard: requireUser,
  input: changePasswordSchema,
  run: ({ currentPassword, newPassword }, user) => changePassword({ userId: user.id, currentPassword, newPassword }),
  reply: () => "Your password has been changed.",
});

export async function signOutAction(): Promise<void> {
  await signOut({ redirect: false });
  redirect("/");
}
