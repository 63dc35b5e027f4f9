import { staffRefusalMessage } from "../circulation/messages";
import { readPatronStanding } from "../circulation/patron-standing";
import { borrowRefusals } from "../circulation/rules";
import { now } from "../clock";
import { db } from "../db";
import { getLibrarySettings } from "../settings";

/** What the desk needs to know about a patron before lending: who they are and what blocks them. */
export async function borrowingStatus(patronId: number) {
  const at = now();
  const [patron, read, settings] = await Promise.all([
    db.user.findUnique({ where: { id: patronId }, include: { category: true } }),
    readPatronStanding(db, patronId, at),
    getLibrarySettings(),
  ]);
  if (!patron || !read) return null;
  // The same standing and rules a check-out is judged by, every reason at once.
  const blocks = borrowRefusals(read.standing, read.policy, at).map((r) => staffRefusalMessage(r, settings.currency));
  return { patron, standing: read.standing, openHolds: read.openHolds, blocks };
}
