"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { returnLoan } from "@/lib/circulation/check-in";
import { renewLoan } from "@/lib/circulation/renew-loan";
import { holdActionSchema, loanActionSchema } from "@/lib/circulation/schemas";
import { type ActionResult, toActionError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { cancelHold } from "@/lib/holds/cancel-hold";
import type { NotificationKind } from "@/lib/generated/sqlite/enums";
import { markRead } from "@/lib/notifications/inbox";
import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { setPreferences } from "@/lib/notifications/preferences";
import { sendEmailsSoon } from "@/lib/notifications/send-soon";
import { signOut } from "@/lib/auth";
import { signOutEverywhere } from "@/lib/patrons/sessions";
import { setKeepHistory } from "@/lib/patrons/set-keep-history";
import { requireUser } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";
import { formObject, parseInput } from "@/lib/validation";

// Every action acts for the signed-in patron only: the domain refuses another patron's records as "not found".

export async function renewLoanAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const user = await requireUser();
  try {
    const { loanId } = parseInput(loanActionSchema, formObject(form));
    const renewed = await renewLoan({ loanId, actorId: user.id, patronId: user.id });
    const { timeZone } = await getLibrarySettings();
    revalidatePath("/account/loans");
    return { ok: true, data: undefined, message: `Renewed. Now due back ${formatDate(renewed.dueAt, timeZone)}.` };
  } catch (e) {
    return toActionError(e);
  }
}

export async function returnLoanAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const user = await requireUser();
  let returned;
  try {
    const { loanId } = parseInput(loanActionSchema, formObject(form));
    returned = await returnLoan({ loanId, patronId: user.id });
    if (returned.routing.kind === "hold-shelf") sendEmailsSoon();
  } catch (e) {
    return toActionError(e);
  }
  revalidatePath("/account", "layout");
  // The loan leaves the list, so the confirmation travels in the URL of the page shown next.
  const params = new URLSearchParams({ returned: returned.title.title });
  if (returned.fine) params.set("fine", String(returned.fine.amountCents));
  redirect(`/account/loans?${params}`);
}

export async function cancelHoldAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const user = await requireUser();
  try {
    const { holdId } = parseInput(holdActionSchema, formObject(form));
    await cancelHold({ holdId, actorId: user.id, patronId: user.id });
    sendEmailsSoon();
    revalidatePath("/account/holds");
    return { ok: true, data: undefined, message: "Reservation cancelled." };
  } catch (e) {
    return toActionError(e);
  }
}

export async function keepHistoryAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const keep = form.get("keepHistory") === "on";
  const { forgotten } = await setKeepHistory({ patronId: user.id, keep });
  revalidatePath("/account/history");
  return {
    ok: true,
    data: undefined,
    message: keep ? "Your borrowing history will be kept." : `History turned off${forgotten ? `: ${forgotten} past loans forgotten` : ""}.`,
  };
}

export async function markReadAction(form: FormData): Promise<void> {
  const user = await requireUser();
  const id = Number(form.get("notificationId"));
  await markRead({ userId: user.id, notificationId: Number.isInteger(id) && id > 0 ? id : undefined });
  revalidatePath("/account", "layout");
}

export async function preferencesAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const user = await requireUser();
  const choices = Object.fromEntries(
    NOTIFICATION_KINDS.map(({ kind }) => [kind, { inApp: form.get(`${kind}.inApp`) === "on", email: form.get(`${kind}.email`) === "on" }]),
  ) as Record<NotificationKind, { inApp: boolean; email: boolean }>;
  await setPreferences(user.id, choices);
  return { ok: true, data: undefined, message: "Your notification settings are saved." };
}

export async function signOutEverywhereAction(): Promise<void> {
  const user = await requireUser();
  await signOutEverywhere(user.id);
  await signOut({ redirect: false });
  redirect("/sign-in?signedOut=everywhere");
}
