"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { serverAction } from "@/app/_lib/server-action";
import { replaceCalendarAddress } from "@/lib/calendar/calendar-address";
import { returnLoan } from "@/lib/circulation/check-in";
import { renewAllLoans } from "@/lib/circulation/renew-all-loans";
import { renewLoan } from "@/lib/circulation/renew-loan";
import { holdActionSchema, loanActionSchema } from "@/lib/circulation/schemas";
import type { RenewAllReport } from "@/components/account/renew-all-button";
import { formatDate, plural } from "@/lib/format";
import { cancelHold } from "@/lib/holds/cancel-hold";
import type { NotificationKind } from "@/lib/generated/sqlite/enums";
import { markRead } from "@/lib/notifications/inbox";
import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { setPreferences } from "@/lib/notifications/preferences";
import { sendEmailsSoon } from "@/lib/notifications/send-soon";
import { signOut } from "@/lib/auth";
import { signOutEverywhere } from "@/lib/patrons/sessions";
import { closeAccount } from "@/lib/patrons/close-account";
import { requestEmailChange } from "@/lib/patrons/request-email-change";
import { emailChangeSchema, profileSchema } from "@/lib/patrons/schemas";
import { setKeepHistory, setKeepHistoryForever } from "@/lib/patrons/set-keep-history";
import { updateProfile } from "@/lib/patrons/update-profile";
import { requireUser } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";

// Every action acts for the signed-in patron only: the domain refuses another patron's records as "not found".

export const renewLoanAction = serverAction({
  guard: requireUser,
  input: loanActionSchema,
  run: ({ loanId }, user) => renewLoan({ loanId, actorId: user.id, patronId: user.id }),
  revalidate: () => ["/account/loans"],
  reply: async (renewed) => `Renewed. Now due back ${formatDate(renewed.dueAt, (await getLibrarySettings()).timeZone)}.`,
});

export const renewAllLoansAction = serverAction({
  guard: requireUser,
  input: () => ({}),
  run: (_input, user) => renewAllLoans({ patronId: user.id, actorId: user.id }),
  revalidate: () => ["/account/loans"],
  reply: async (outcomes): Promise<{ data: RenewAllReport; message: string }> => {
    const { timeZone } = await getLibrarySettings();
    const renewed = outcomes.filter((o) => o.renewed).length;
    return {
      data: {
        outcomes: outcomes.map((o) => ({ loanId: o.loanId, title: o.title, renewed: o.renewed, text: o.renewed ? `renewed until ${formatDate(o.dueAt, timeZone)}` : `not renewed. ${o.reason}` })),
      },
      message: outcomes.length === 0 ? "You have nothing on loan." : `Renewed ${renewed} of ${plural(outcomes.length, "loan")}.`,
    };
  },
});

export const returnLoanAction = serverAction({
  guard: requireUser,
  input: loanActionSchema,
  run: async ({ loanId }, user) => {
    const returned = await returnLoan({ loanId, patronId: user.id });
    if (returned.routing.kind === "hold-shelf") sendEmailsSoon();
    return returned;
  },
  revalidate: () => [{ layout: "/account" }],
  reply: (returned) => {
    // The loan leaves the list, so the confirmation travels in the URL of the page shown next.
    const params = new URLSearchParams({ returned: returned.title.title });
    if (returned.fine) params.set("fine", String(returned.fine.amountCents));
    redirect(`/account/loans?${params}`);
  },
});

export const cancelHoldAction = serverAction({
  guard: requireUser,
  input: holdActionSchema,
  run: async ({ holdId }, user) => {
    await cancelHold({ holdId, actorId: user.id, patronId: user.id });
    sendEmailsSoon();
  },
  revalidate: () => ["/account/holds"],
  reply: () => "Reservation cancelled.",
});

export const replaceCalendarAddressAction = serverAction({
  guard: requireUser,
  input: () => null,
  run: (_, user) => replaceCalendarAddress(user.id),
  revalidate: () => ["/account/loans"],
  reply: () => "Your new calendar link is below. The old one no longer works: subscribe again with the new one.",
});

export const keepHistoryAction = serverAction({
  guard: requireUser,
  input: (form) => form.get("keepHistory") === "on",
  run: (keep, user) => setKeepHistory({ patronId: user.id, keep }),
  revalidate: () => ["/account/history"],
  reply: ({ forgotten }, keep) =>
    keep ? "Your borrowing history will be kept." : `History turned off${forgotten ? `: ${forgotten} past loans forgotten` : ""}.`,
});

export const keepHistoryForeverAction = serverAction({
  guard: requireUser,
  input: (form) => form.get("forever") === "on",
  run: (forever, user) => setKeepHistoryForever({ patronId: user.id, forever }),
  revalidate: () => ["/account/history"],
  reply: (_, forever) => (forever ? "Your history will be kept until you turn it off." : "Your history will be cleared like everyone's, after the library's period."),
});

export const requestEmailChangeAction = serverAction({
  guard: requireUser,
  input: emailChangeSchema,
  run: async (input, user) => {
    await requestEmailChange({ userId: user.id, ...input });
    sendEmailsSoon();
  },
  reply: (_, { newEmail }) => `We have sent a link to ${newEmail}. Your email changes when you follow it (within an hour).`,
});

export const closeAccountAction = serverAction({
  guard: requireUser,
  input: () => null,
  run: (_, user) => closeAccount({ userId: user.id }),
  reply: async ({ anonymised }) => {
    await signOut({ redirect: false });
    redirect(`/sign-in?closed=${anonymised ? "now" : "later"}`);
  },
});

export const updateProfileAction = serverAction({
  guard: requireUser,
  input: profileSchema,
  run: (input, user) => updateProfile({ patronId: user.id, input }),
  // The name shows in the header and on the overview.
  revalidate: () => [{ layout: "/" }],
  reply: () => "Your details are saved.",
});

export async function markReadAction(form: FormData): Promise<void> {
  const user = await requireUser();
  const id = Number(form.get("notificationId"));
  await markRead({ userId: user.id, notificationId: Number.isInteger(id) && id > 0 ? id : undefined });
  revalidatePath("/account", "layout");
}

export const preferencesAction = serverAction({
  guard: requireUser,
  input: (form) =>
    Object.fromEntries(
      NOTIFICATION_KINDS.map(({ kind }) => [kind, { inApp: form.get(`${kind}.inApp`) === "on", email: form.get(`${kind}.email`) === "on" }]),
    ) as Record<NotificationKind, { inApp: boolean; email: boolean }>,
  run: (choices, user) => setPreferences(user.id, choices),
  reply: () => "Your notification settings are saved.",
});

export async function signOutEverywhereAction(): Promise<void> {
  const user = await requireUser();
  await signOutEverywhere(user.id);
  await signOut({ redirect: false });
  redirect("/sign-in?signedOut=everywhere");
}
