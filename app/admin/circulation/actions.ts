"use server";

import { serverAction } from "@/app/_lib/server-action";
import type { DeskReply } from "@/components/admin/desk/desk-form";
import type { DeskSlip } from "@/components/admin/desk/desk-visit";
import { checkIn, type FoundLostCopy } from "@/lib/circulation/check-in";
import { checkOutCopy } from "@/lib/circulation/check-out";
import { markLost } from "@/lib/circulation/mark-lost";
import { renewLoan } from "@/lib/circulation/renew-loan";
import { barcodeSchema, deskCheckOutSchema, loanActionSchema } from "@/lib/circulation/schemas";
import { recordPayment } from "@/lib/fines/record-payment";
import { PAYMENT_METHODS, paymentSchema, waiverSchema } from "@/lib/fines/schemas";
import { formatDate, formatMoney, plural } from "@/lib/format";
import { sendEmailsSoon } from "@/lib/notifications/send-soon";
import { deskRegisterSchema } from "@/lib/patrons/admin-schemas";
import { registerAtDesk } from "@/lib/patrons/register-at-desk";
import { requireStaff } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";

// The circulation desk: staff only.

export const deskCheckOutAction = serverAction({
  guard: requireStaff,
  input: deskCheckOutSchema,
  run: ({ patronId, barcode }, staff) => checkOutCopy({ patronId, barcode, actorId: staff.id }),
  revalidate: () => ["/admin/circulation"],
  reply: async (loan): Promise<{ data: DeskReply; message: string }> => {
    const message = `Checked out: ${loan.title.title} (${loan.copy.barcode}), due ${formatDate(loan.dueAt, (await getLibrarySettings()).timeZone)}.`;
    const slips: DeskSlip[] = [{ href: `/admin/circulation/slips/loans/${loan.patron.id}`, label: "Check-out slip" }];
    if (loan.sameTitleOnLoan.length === 0) return { data: { slips }, message };
    // Lent all the same (two copies for a book club is fine); a mistake is one check-in away.
    const other = loan.sameTitleOnLoan.join(", ");
    return { data: { warning: true, slips }, message: `${message} Note: ${loan.patron.name} already has this title on loan (${other}).` };
  },
});

export const deskRegisterPatronAction = serverAction({
  guard: requireStaff,
  input: deskRegisterSchema,
  run: (input, staff) => registerAtDesk({ input, actorId: staff.id }),
  revalidate: () => ["/admin/patrons"],
  reply: (patron) => ({ data: { patronId: patron.id }, message: `Registered: ${patron.name}, card ${patron.cardNumber}. Scan a copy to lend it.` }),
});

/** What the desk tells the librarian when a copy marked lost is scanned back in. */
function foundMessage(found: FoundLostCopy, currency: string): string {
  if (found.chargeCents === 0) return "Found: lost copy returned.";
  if (found.kept) return `Found: lost copy returned; the replacement charge of ${formatMoney(found.chargeCents, currency)} is kept, as the library's settings say.`;
  const parts = [`Found: lost copy returned; replacement charge ${formatMoney(found.refundedCents + found.paidBackCents, currency)} refunded.`];
  if (found.paidBackCents > 0) parts.push(`Give back the ${formatMoney(found.paidBackCents, currency)} the patron had paid.`);
  return parts.join(" ");
}

export const deskCheckInAction = serverAction({
  guard: requireStaff,
  input: barcodeSchema,
  run: async ({ barcode }, staff) => {
    const result = await checkIn({ barcode, actorId: staff.id });
    if (result.routing.kind === "hold-shelf") sendEmailsSoon();
    return result;
  },
  revalidate: () => [{ layout: "/admin" }],
  reply: async (result) => {
    const { currency, timeZone } = await getLibrarySettings();
    const parts = [`Checked in: ${result.title.title} (${result.copy.barcode}).`];
    if (result.loan?.patron) parts.push(`Was on loan to ${result.loan.patron.name}, card ${result.loan.patron.cardNumber}.`);
    if (result.found) parts.push(foundMessage(result.found, currency));
    else if (!result.loan) parts.push("It was not on loan.");
    if (result.loan && result.loan.daysLate > 0) parts.push(`${plural(result.loan.daysLate, "day")} late.`);
    if (result.fine) parts.push(`Fine charged: ${formatMoney(result.fine.amountCents, currency)}.`);
    const slips: DeskSlip[] = [];
    if (result.fine) slips.push({ href: `/admin/circulation/slips/fine/${result.fine.id}`, label: "Fine slip" });
    if (result.routing.kind === "hold-shelf") {
      parts.push(`Put on hold shelf for ${result.routing.patron.name}, card ${result.routing.patron.cardNumber} (pickup by ${formatDate(result.routing.pickupBy, timeZone)}).`);
      slips.push({ href: `/admin/circulation/slips/hold/${result.routing.holdId}`, label: "Hold shelf slip" });
    } else {
      parts.push("Return it to the shelf.");
    }
    return { data: { slips }, message: parts.join(" ") };
  },
});

export const deskRenewAction = serverAction({
  guard: requireStaff,
  input: loanActionSchema,
  run: ({ loanId }, staff) => renewLoan({ loanId, actorId: staff.id }),
  revalidate: () => ["/admin/circulation"],
  reply: async (renewed) => `Renewed: now due ${formatDate(renewed.dueAt, (await getLibrarySettings()).timeZone)}.`,
});

export const deskPaymentAction = serverAction({
  guard: requireStaff,
  input: paymentSchema,
  run: ({ patronId, amount, fineId, method }, staff) => recordPayment({ patronId, amountCents: amount, fineId, kind: "PAYMENT", method, actorId: staff.id }),
  revalidate: () => ["/admin/circulation"],
  reply: async ({ amountCents, balanceCents }, { method }) => {
    const { currency } = await getLibrarySettings();
    const how = PAYMENT_METHODS.find((m) => m.value === method)!.label.toLowerCase();
    return `Payment of ${formatMoney(amountCents, currency)} recorded (${how}). Still owed: ${formatMoney(balanceCents, currency)}.`;
  },
});

export const deskWaiverAction = serverAction({
  guard: requireStaff,
  input: waiverSchema,
  run: ({ patronId, amount, fineId, reason }, staff) => recordPayment({ patronId, amountCents: amount, fineId, kind: "WAIVER", reason, actorId: staff.id }),
  revalidate: () => ["/admin/circulation"],
  reply: async ({ amountCents, balanceCents }) => {
    const { currency } = await getLibrarySettings();
    return `Waived ${formatMoney(amountCents, currency)}. Still owed: ${formatMoney(balanceCents, currency)}.`;
  },
});

export const deskMarkLostAction = serverAction({
  guard: requireStaff,
  input: barcodeSchema,
  run: ({ barcode }, staff) => markLost({ barcode, actorId: staff.id }),
  revalidate: () => [{ layout: "/admin" }],
  reply: async ({ fine }) =>
    fine
      ? `Marked lost. Replacement cost charged: ${formatMoney(fine.amountCents, (await getLibrarySettings()).currency)}.`
      : "Marked lost. It was not on loan, so nobody was charged.",
});
