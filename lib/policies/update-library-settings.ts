import { recordAudit } from "../audit";
import { db } from "../db";
import type { LibrarySettingsInput } from "./schemas";

// The privacy setting may be left out by callers that predate it: it is then left as it is.
export type UpdateLibrarySettingsOptions = {
  input: Omit<LibrarySettingsInput, "anonymiseLoansAfterDays"> & Partial<Pick<LibrarySettingsInput, "anonymiseLoansAfterDays">>;
  actorId: number;
};

/** Saves the library's name, time zone (due dates and "today" follow it), currency, daily job time and circulation choices. */
export async function updateLibrarySettings({ input, actorId }: UpdateLibrarySettingsOptions): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.librarySettings.findUnique({
      where: { id: 1 },
      select: { name: true, timeZone: true, currency: true, dailyJobTime: true, selfServiceReturn: true, keepLostChargeWhenFound: true, anonymiseLoansAfterDays: true },
    });
    await tx.librarySettings.upsert({ where: { id: 1 }, create: { id: 1, ...input }, update: input });
    await recordAudit(tx, { actorId, action: "settings.update", entityType: "LibrarySettings", entityId: 1, details: { from: before, to: input } });
  });
}
