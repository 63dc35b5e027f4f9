"use server";

import { revalidatePath } from "next/cache";
import { checkIn } from "@/lib/circulation/check-in";
import { checkOutCopy } from "@/lib/circulation/check-out";
import { markLost } from "@/lib/circulation/mark-lost";
import { renewLoan } from "@/lib/circulation/renew-loan";
import { barcodeSchema, deskCheckOutSchema, loanActionSchema } from "@/lib/circulation/schemas";
import { type ActionResult, toActionError } from "@/lib/errors";
import { recordPayment } from "@/lib/fines/record-payment";
import { paymentSchema, waiverSchema } from "@/lib/fines/schemas";
import { formatDate, formatMoney, plural } from "@/lib/format";
import { sendEmailsSoon } from "@/lib/notifications/send-soon";
import { requireStaff } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";
import { formObject, parseInput } from "@/lib/validation";

// The circulation desk. Every action checks the staff role itself.

export async function deskCheckOutAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const staff = await requireStaff();
  try {
    const input = parseInput(deskCheckOutSchema, formObject(form));
    const loan = await checkOutCopy({ patronId: input.patronId, barcode: input.barcode, actorId: staff.id });
    const { timeZone } = await getLibrarySettings();
    revalidatePath("/admin/circulation");
    return { ok: true, data: undefined, message: `Checked out: ${loan.title.title} (${loan.copy.barcode}), due ${formatDate(loan.dueAt, timeZone)}.` };
  } catch (e) {
    return toActionError(e);
  }
}

export async function deskCheckInAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const staff = await requireStaff();
  try {
    const { barcode } = parseInput(barcodeSchema, formObject(form));
    const result = await checkIn({ barcode, actorId: staff.id });
    if (result.routing.kind === "hold-shelf") sendEmailsSoon();
    const { currency, timeZone } = await getLibrarySettings();
    revalidatePath("/admin", "layout");
    const parts = [`Checked in: ${result.title.title} (${result.copy.barcode}).`];
    if (result.loan?.patron) parts.push(`Was on loan to ${result.loan.patron.name}, card ${result.loan.patron.cardNumber}.`);
    if (!result.loan) parts.push("It was not on loan.");
    if (result.loan && result.loan.daysLate > 0) parts.push(`${plural(result.loan.daysLate, "day")} late.`);
    if (result.fine) parts.push(`Fine charged: ${formatMoney(result.fine.amountCents, currency)}.`);
    if (result.routing.kind === "hold-shelf") {
      parts.push(`Put on hold shelf for ${result.routing.patron.name}, card ${result.routing.patron.cardNumber} (pickup by ${formatDate(result.routing.pickupBy, timeZone)}).`);
    } else {
      parts.push("Return it to the shelf.");
    }
    return { ok: true, data: undefined, message: parts.join(" ") };
  } catch (e) {
    return toActionError(e);
  }
}

export async function deskRenewAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const staff = await requireStaff();
  try {
    const { loanId } = parseInput(loanActionSchema, formObject(form));
    const renewed = await renewLoan({ loanId, actorId: staff.id });
    const { timeZone } = await getLibrarySettings();
    revalidatePath("/admin/circulation");
    return { ok: true, data: undefined, message: `Renewed: now due ${formatDate(renewed.dueAt, timeZone)}.` };
  } catch (e) {
    return toActionError(e);
  }
}

export async function deskPaymentAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const staff = await requireStaff();
  try {
    const input = parseInput(paymentSchema, formObject(form));
    const result = await recordPayment({ patronId: input.patronId, amountCents: input.amount, fineId: input.fineId, kind: "PAYMENT", actorId: staff.id });
    const { currency } = await getLibrarySettings();
    revalidatePath("/admin/circulation");
    return { ok: true, data: undefined, message: `Payment of ${formatMoney(result.amountCents, currency)} recorded. Still owed: ${formatMoney(result.balanceCents, currency)}.` };
  } catch (e) {
    return toActionError(e);
  }
}

export async function deskWaiverAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const staff = await requireStaff();
  try {
    const input = parseInput(waiverSchema, formObject(form));
    const result = await recordPayment({ patronId: input.patronId, amountCents: input.amount, fineId: input.fineId, kind: "WAIVER", reason: input.reason, actorId: staff.id });
    const { currency } = await getLibrarySettings();
    revalidatePath("/admin/circulation");
    return { ok: true, data: undefined, message: `Waived ${formatMoney(result.amountCents, currency)}. Still owed: ${formatMoney(result.balanceCents, currency)}.` };
  } catch (e) {
    return toActionError(e);
  }
}

export async function deskMarkLostAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const staff = await requireStaff();
  try {
    const { barcode } = parseInput(barcodeSchema, formObject(form));
    const result = await markLost({ barcode, actorId: staff.id });
    const { currency } = await getLibrarySettings();
    revalidatePath("/admin", "layout");
    return {
      ok: true,
      data: undefined,
      message: result.fine ? `Marked lost. Replacement cost charged: ${formatMoney(result.fine.amountCents, currency)}.` : "Marked lost. It was not on loan, so nobody was charged.",
    };
  } catch (e) {
    return toActionError(e);
  }
}
