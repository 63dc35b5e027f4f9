import { refusalMessage } from "../circulation/messages";
import { standingRefusal, type PatronStanding } from "../circulation/rules";
import { now } from "../clock";
import { db } from "../db";
import { plural } from "../format";
import { getLibrarySettings } from "../settings";

/** What the desk needs to know about a patron before lending: who they are and what blocks them. */
export async function borrowingStatus(patronId: number) {
  const at = now();
  const patron = await db.user.findUnique({ where: { id: patronId }, include: { category: true } });
  if (!patron) return null;
  const [openLoans, overdueLoans, fines, openHolds, settings] = await Promise.all([
    db.loan.count({ where: { patronId, returnedAt: null } }),
    db.loan.count({ where: { patronId, returnedAt: null, dueAt: { lt: at } } }),
    db.fine.aggregate({ where: { patronId, settledAt: null }, _sum: { amountCents: true, paidCents: true, waivedCents: true } }),
    db.hold.count({ where: { patronId, status: { in: ["WAITING", "IN_PROCESS", "READY"] } } }),
    getLibrarySettings(),
  ]);
  const unpaidFinesCents = (fines._sum.amountCents ?? 0) - (fines._sum.paidCents ?? 0) - (fines._sum.waivedCents ?? 0);
  const standing: PatronStanding = { status: patron.status, blockedReason: patron.blockedReason, expiresAt: patron.expiresAt, openLoans, overdueLoans, unpaidFinesCents };
  const blocks: string[] = [];
  const refused = standingRefusal(standing, patron.category, at);
  if (refused) blocks.push(refusalMessage(refused, settings.currency));
  if (openLoans >= patron.category.maxLoans) blocks.push(`At the loan limit: ${plural(patron.category.maxLoans, "book")}.`);
  return { patron, standing, openHolds, blocks };
}
