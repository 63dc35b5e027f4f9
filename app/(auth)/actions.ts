"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/lib/auth";
import { type ActionResult, toActionError } from "@/lib/errors";
import { mustChangePasswordAfterSignIn } from "@/lib/patrons/authenticate";
import { changePassword } from "@/lib/patrons/change-password";
import { clientAddress } from "@/lib/patrons/client-address";
import { createFirstAdmin } from "@/lib/patrons/create-first-admin";
import { registerPatron } from "@/lib/patrons/register-patron";
import { changePasswordSchema, createAdminSchema, registerSchema, signInSchema } from "@/lib/patrons/schemas";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { getCurrentUser } from "@/lib/session";
import { formObject, parseInput } from "@/lib/validation";

async function signInWith(identifier: string, password: string, redirectTo: string): Promise<ActionResult> {
  try {
    await signIn("credentials", { identifier, password, redirect: false });
  } catch (e) {
    if (e instanceof AuthError) {
      const code = (e as AuthError & { code?: string }).code;
      return {
        ok: false,
        message:
          code === "throttled"
            ? "Too many failed attempts. Please wait 15 minutes and try again."
            : "That email or card number and password do not match an account.",
      };
    }
    throw e;
  }
  // A temporary password from the library goes straight to choosing a new one.
  redirect((await mustChangePasswordAfterSignIn(identifier)) ? "/change-password" : redirectTo);
}

export async function signInAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  try {
    const input = parseInput(signInSchema, formObject(form));
    return await signInWith(input.identifier, input.password, safeCallbackPath(form.get("callbackUrl")));
  } catch (e) {
    return toActionError(e);
  }
}

export async function registerAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  let input;
  try {
    input = parseInput(registerSchema, formObject(form));
    await registerPatron({ ...input, address: clientAddress(await headers()) });
  } catch (e) {
    return toActionError(e);
  }
  return signInWith(input.email, input.password, "/account?welcome=1");
}

export async function createFirstAdminAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  let input;
  try {
    input = parseInput(createAdminSchema, formObject(form));
    await createFirstAdmin(input, clientAddress(await headers()));
  } catch (e) {
    return toActionError(e);
  }
  return signInWith(input.email, input.password, "/admin");
}

// Also the forced change after a staff reset, so it takes a user who must change their password.
export async function changePasswordAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  try {
    const input = parseInput(changePasswordSchema, formObject(form));
    await changePassword({ userId: user.id, currentPassword: input.currentPassword, newPassword: input.newPassword, sessionId: user.sessionId });
  } catch (e) {
    return toActionError(e);
  }
  if (user.mustChangePassword) redirect("/account");
  return { ok: true, data: undefined, message: "Your password has been changed. Your other sessions are signed out." };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirect: false });
  redirect("/");
}
