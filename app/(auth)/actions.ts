"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { anyone, serverAction } from "@/app/_lib/server-action";
import { signIn, signOut } from "@/lib/auth";
import { DomainError } from "@/lib/errors";
import { mustChangePasswordAfterSignIn } from "@/lib/patrons/authenticate";
import { changePassword } from "@/lib/patrons/change-password";
import { completePasswordReset } from "@/lib/patrons/complete-password-reset";
import { confirmEmailChange } from "@/lib/patrons/confirm-email-change";
import { RESET_REQUESTED, requestPasswordReset } from "@/lib/patrons/request-password-reset";
import { sendEmailsSoon } from "@/lib/notifications/send-soon";
import { clientAddress } from "@/lib/patrons/client-address";
import { createFirstAdmin } from "@/lib/patrons/create-first-admin";
import { registerPatron } from "@/lib/patrons/register-patron";
import {
  changePasswordSchema,
  confirmEmailSchema,
  createAdminSchema,
  forgotPasswordSchema,
  registerSchema,
  resetPasswordSchema,
  signInSchema,
} from "@/lib/patrons/schemas";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { getCurrentUser } from "@/lib/session";
import { formObject, parseInput } from "@/lib/validation";

/** Signs in and redirects to `redirectTo` (or to replace a temporary password); a refused sign-in is a DomainError for the form. */
async function signInWith(identifier: string, password: string, redirectTo: string): Promise<void> {
  try {
    await signIn("credentials", { identifier, password, redirect: false });
  } catch (e) {
    if (e instanceof AuthError) {
      const code = (e as AuthError & { code?: string }).code;
      throw code === "throttled"
        ? new DomainError("RATE_LIMITED", "Too many failed attempts. Please wait 15 minutes and try again.")
        : new DomainError("UNAUTHENTICATED", "That email or card number and password do not match an account.");
    }
    throw e;
  }
  // A temporary password from the library goes straight to choosing a new one.
  redirect((await mustChangePasswordAfterSignIn(identifier)) ? "/change-password" : redirectTo);
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
    await registerPatron({ ...input, address: clientAddress(await headers()) });
    await signInWith(input.email, input.password, "/account?welcome=1");
  },
});

export const createFirstAdminAction = serverAction({
  guard: anyone,
  input: createAdminSchema,
  run: async (input) => {
    await createFirstAdmin(input, clientAddress(await headers()));
    await signInWith(input.email, input.password, "/admin");
  },
});

/** Signed in, even with a temporary password to replace (requireUser would send them here again). */
async function signedIn() {
  return (await getCurrentUser()) ?? redirect("/sign-in");
}

// Also the forced change after a staff reset, so it takes a user who must change their password.
export const changePasswordAction = serverAction({
  guard: signedIn,
  input: changePasswordSchema,
  run: ({ currentPassword, newPassword }, user) => changePassword({ userId: user.id, currentPassword, newPassword, sessionId: user.sessionId }),
  reply: (_, __, user) => (user.mustChangePassword ? redirect("/account") : "Your password has been changed. Your other sessions are signed out."),
});

// The same answer whether or not an account has the address.
export const forgotPasswordAction = serverAction({
  guard: anyone,
  input: forgotPasswordSchema,
  run: async ({ email }) => {
    await requestPasswordReset({ email, address: clientAddress(await headers()) });
    sendEmailsSoon();
  },
  reply: () => RESET_REQUESTED,
});

// The link's token travels in the form, so only submitting it (not opening the page, as a mail
// scanner might) uses the link.
export const resetPasswordAction = serverAction({
  guard: anyone,
  input: resetPasswordSchema,
  run: async ({ token, newPassword }) => {
    await completePasswordReset({ token, newPassword });
    // Whoever was signed in in this browser is signed out too: they sign in with the new password.
    if (await getCurrentUser()) await signOut({ redirect: false });
  },
  reply: () => redirect("/sign-in?reset=1"),
});

export const confirmEmailAction = serverAction({
  guard: anyone,
  input: confirmEmailSchema,
  run: async ({ token }) => {
    await confirmEmailChange({ token });
    sendEmailsSoon();
  },
  revalidate: () => [{ layout: "/account" }],
  // The used link would now show as used: the outcome has a page of its own.
  reply: () => redirect("/confirm-email?changed=1"),
});

export async function signOutAction(): Promise<void> {
  await signOut({ redirect: false });
  redirect("/");
}
