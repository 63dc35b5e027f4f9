import { now } from "../clock";
import { db } from "../db";

const book = { select: { barcode: true, title: { select: { title: true, authorNames: true } } } } as const;

/**
 * Everything the library holds about a patron, for them to download: profile, loans (open and
 * kept history), holds, fines and payments, notifications and preferences. Secrets (the password
 * hash, session ids, link tokens) are not part of it; a private link in an email is shown only as
 * its placeholder.
 */
export async function exportAccountData(userId: number) {
  const [profile, loans, holds, fines, payments, notifications, preferences] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: userId },
      select: {
        name: true, email: true, phone: true, address: true, cardNumber: true, role: true, status: true, blockedReason: true, expiresAt: true,
        keepHistory: true, keepHistoryForever: true, createdAt: true, category: { select: { name: true } },
      },
    }),
    db.loan.findMany({ where: { patronId: userId }, orderBy: { checkedOutAt: "asc" }, select: { checkedOutAt: true, dueAt: true, returnedAt: true, renewals: true, lostAt: true, copy: book } }),
    db.hold.findMany({ where: { patronId: userId }, orderBy: { placedAt: "asc" }, select: { status: true, placedAt: true, readyAt: true, title: { select: { title: true } } } }),
    db.fine.findMany({ where: { patronId: userId }, orderBy: { createdAt: "asc" }, select: { kind: true, description: true, amountCents: true, paidCents: true, waivedCents: true, createdAt: true, settledAt: true } }),
    db.payment.findMany({ where: { patronId: userId }, orderBy: { createdAt: "asc" }, select: { kind: true, method: true, amountCents: true, reason: true, createdAt: true } }),
    db.notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { kind: true, channel: true, subject: true, body: true, createdAt: true, readAt: true, status: true, sentAt: true } }),
    db.notificationPreference.findMany({ where: { userId }, select: { kind: true, inApp: true, email: true } }),
  ]);
  return { exportedAt: now(), profile, loans, holds, fines, payments, notifications, notificationPreferences: preferences };
}
