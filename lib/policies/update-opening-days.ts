import { recordAudit } from "../audit";
import { db } from "../db";
import type { OpeningDaysInput } from "./opening-days-schemas";

export type UpdateOpeningDaysOptions = { input: OpeningDaysInput; actorId: number };

/** Saves the weekdays the library is closed every week and whether fines count closed days. Loans already out keep their due dates. */
export async function updateOpeningDays({ input, actorId }: UpdateOpeningDaysOptions): Promise<void> {
  const data = { closedWeekdays: input.closedWeekdays.join(","), noFinesOnClosedDays: input.noFinesOnClosedDays };
  await db.$transaction(async (tx) => {
    const before = await tx.librarySettings.findUnique({ where: { id: 1 }, select: { closedWeekdays: true, noFinesOnClosedDays: true } });
    await tx.librarySettings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
    await recordAudit(tx, { actorId, action: "opening-days.update", entityType: "LibrarySettings", entityId: 1, details: { from: before, to: data } });
  });
}
