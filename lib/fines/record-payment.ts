import { recordAudit } from "../audit";
import { lockPatron } from "../circulation/patron-standing";
import { now } from "../clock";
import { db } from "../db";
import type { PaymentMethod } from "../generated/sqlite/enums";
import { DomainError } from "../errors";
import { formatMoney } from "../format";
import { librarySettingsIn } from "../settings";
import { allocate, outstandingCents } from "./rules";

export type RecordPaymentOptions = {
  patronId: number;
  amountCents: number;
  kind: "PAYMENT" | "WAIVER";
  /** How a payment was taken (cash, card, other); a waiver has none. */
  method?: PaymentMethod;
  /** Required for a waiver. */
  reason?: string;
  /** Pay or waive this fine only; otherwise the oldest fines first. */
  fineId?: number;
  /** The staff member who took it; null for a payment kiosk (SIP2), named by `via`. */
  actorId: number | null;
  /** Where it was taken when not at the desk ("SIP2, device kiosk1"), kept in the audit entry. */
  via?: string;
};
export type RecordPaymentResult = { paymentId: number; amountCents: number; balanceCents: number };

/**
 * Takes a payment at the desk or a payment kiosk, or waives an amount with a reason (staff
 * only), spread over open fines.
 */
export async function recordPayment(options: RecordPaymentOptions): Promise<RecordPaymentResult> {
  const { patronId, amountCents, kind, reason, fineId, actorId, via } = options;
  const method = kind === "PAYMENT" ? (options.method ?? null) : null;
  if (!Number.isInteger(amountCents) || amountCents <= 0) throw new DomainError("INVALID_INPUT", "Enter an amount above zero.", { amount: "Enter an amount above zero." });
  if (kind === "WAIVER" && !reason?.trim()) throw new DomainError("INVALID_INPUT", "Say why the fine is waived.", { reason: "Say why the fine is waived." });
  // Staff powers stop at oneself: a waiver is another staff member's decision.
  if (kind === "WAIVER" && actorId === null) throw new DomainError("FORBIDDEN", "Only staff waive fines.");
  if (kind === "WAIVER" && actorId === patronId) throw new DomainError("FORBIDDEN", "Nobody waives their own fines: ask another member of staff.", undefined, "OWN_FINES");
  const at = now();
  return db.$transaction(async (tx) => {
    const settings = await librarySettingsIn(tx);
    await lockPatron(tx, patronId, at);
    const fines = await tx.fine.findMany({
      where: { patronId, settledAt: null, ...(fineId ? { id: fineId } : {}) },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    if (fineId && fines.length === 0) throw new DomainError("NOT_FOUND", "That fine is not open.");
    const owed = fines.reduce((sum, f) => sum + outstandingCents(f), 0);
    if (amountCents > owed) {
      const message = owed === 0 ? "Nothing is owed." : `Only ${formatMoney(owed, settings.currency)} is owed.`;
      throw new DomainError("INVALID_INPUT", message, { amount: message });
    }
    const payment = await tx.payment.create({
      data: { patronId, kind, method, amountCents, reason: reason?.trim() || null, recordedById: actorId, createdAt: at },
    });
    for (const share of allocate(fines, amountCents)) {
      const fine = fines.find((f) => f.id === share.fineId)!;
      const paidCents = fine.paidCents + (kind === "PAYMENT" ? share.amountCents : 0);
      const waivedCents = fine.waivedCents + (kind === "WAIVER" ? share.amountCents : 0);
      const settled = paidCents + waivedCents >= fine.amountCents;
      await tx.fine.update({ where: { id: fine.id }, data: { paidCents, waivedCents, settledAt: settled ? at : null } });
      await tx.paymentAllocation.create({ data: { paymentId: payment.id, fineId: fine.id, amountCents: share.amountCents } });
    }
    await recordAudit(tx, {
      actorId,
      action: kind === "PAYMENT" ? "fine.payment" : "fine.waiver",
      entityType: "Payment",
      entityId: payment.id,
      details: { patronId, amountCents, method: method ?? undefined, reason: reason?.trim() || undefined, fineId, via },
    });
    return { paymentId: payment.id, amountCents, balanceCents: owed - amountCents };
  });
}
