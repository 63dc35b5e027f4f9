import { recordAudit } from "../audit";
import { lockPatron } from "../circulation/patron-standing";
import { now } from "../clock";
import { db, type Tx } from "../db";
import { DomainError } from "../errors";
import { cancelHold } from "../holds/cancel-hold";
import { OPEN_HOLD_STATUSES } from "../holds/statuses";
import { forgetReadingHistory } from "./set-keep-history";

export type CloseAccountResult = { anonymised: boolean; openLoans: number; unpaidFinesCents: number };

/** What a closed account is called once its details are cleared. */
export const CLOSED_NAME = "Closed account";
// No argon2 hash looks like this, so no password ever matches it.
const NO_PASSWORD = "!closed";

/**
 * A patron closes their own account: their reservations are cancelled, sign-in is refused from
 * now on, every session ends, and the card is blocked so no desk or kiosk lends on it. The
 * personal details are cleared at once when nothing is on loan or owed, otherwise by the daily
 * job once the last book is back and the last fine settled (anonymiseClosedAccounts).
 */
export async function closeAccount({ userId }: { userId: number }): Promise<CloseAccountResult> {
  const account = await db.user.findUnique({ where: { id: userId }, select: { role: true, closedAt: true } });
  if (!account || account.closedAt) throw new DomainError("NOT_FOUND", "Account not found.");
  if (account.role !== "PATRON") throw new DomainError("FORBIDDEN", "A staff account is closed by an administrator, not from the account page.", undefined, "STAFF_ACCOUNT");
  const holds = await db.hold.findMany({ where: { patronId: userId, status: { in: [...OPEN_HOLD_STATUSES] } }, select: { id: true } });
  for (const hold of holds) await cancelHold({ holdId: hold.id, actorId: userId, patronId: userId });
  const at = now();
  return db.$transaction(async (tx) => {
    const patron = await lockPatron(tx, userId, at);
    const { count } = await tx.user.updateMany({
      where: { id: userId, role: "PATRON", closedAt: null },
      data: { closedAt: at, status: "BLOCKED", blockedReason: "Account closed at the patron's request.", sessionVersion: { increment: 1 } },
    });
    if (count !== 1) throw new DomainError("NOT_FOUND", "Account not found.");
    await tx.userSession.deleteMany({ where: { userId } });
    await tx.accountToken.deleteMany({ where: { userId } });
    const { openLoans, unpaidFinesCents } = patron.standing;
    await recordAudit(tx, { actorId: userId, action: "patron.close", entityType: "User", entityId: userId, details: { openLoans, unpaidFinesCents } });
    const anonymised = openLoans === 0 && unpaidFinesCents === 0 && (await anonymiseAccount(tx, userId, at));
    return { anonymised, openLoans, unpaidFinesCents };
  });
}

/**
 * Clears a closed account's personal details: name, email, phone and address, its reading history
 * and notices, and the details of its profile's audit entries. The card number stays (it is never
 * reused) but cannot sign in or borrow. Fines keep their money facts. The caller holds the patron lock
 * and has checked that nothing is on loan or owed.
 */
async function anonymiseAccount(tx: Tx, userId: number, at: Date): Promise<boolean> {
  const { count } = await tx.user.updateMany({
    where: { id: userId, closedAt: { not: null }, anonymisedAt: null },
    data: { name: CLOSED_NAME, email: null, phone: null, address: null, passwordHash: NO_PASSWORD, keepHistory: false, keepHistoryForever: false, anonymisedAt: at },
  });
  if (count !== 1) return false;
  await forgetReadingHistory(tx, userId);
  await tx.auditEntry.updateMany({ where: { entityType: "User", entityId: String(userId) }, data: { details: null } });
  await tx.notification.deleteMany({ where: { userId } });
  await tx.notificationPreference.deleteMany({ where: { userId } });
  await recordAudit(tx, { actorId: null, action: "patron.anonymise", entityType: "User", entityId: userId });
  return true;
}

/** The daily job's part: closed accounts whose last loan is back and last fine settled are anonymised. */
export async function anonymiseClosedAccounts(at = now()): Promise<number> {
  const waiting = await db.user.findMany({ where: { closedAt: { not: null }, anonymisedAt: null }, select: { id: true } });
  let done = 0;
  for (const { id } of waiting) {
    const anonymised = await db.$transaction(async (tx) => {
      const { standing } = await lockPatron(tx, id, at);
      return standing.openLoans === 0 && standing.unpaidFinesCents === 0 && anonymiseAccount(tx, id, at);
    });
    if (anonymised) done++;
  }
  return done;
}
