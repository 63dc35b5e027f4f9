import { cache } from "react";
import type { Tx } from "./db";
import { db } from "./db";

export type LibrarySettings = { name: string; timeZone: string; currency: string };

const DEFAULTS: LibrarySettings = { name: "Stacks Library", timeZone: "UTC", currency: "USD" };

export const getLibrarySettings = cache(async (): Promise<LibrarySettings> => {
  const row = await db.librarySettings.findUnique({ where: { id: 1 } });
  return row ? { name: row.name, timeZone: row.timeZone, currency: row.currency } : DEFAULTS;
});

/** The settings as seen inside a transaction (domain operations need the time zone). */
export async function librarySettingsIn(tx: Tx): Promise<LibrarySettings> {
  const row = await tx.librarySettings.findUnique({ where: { id: 1 } });
  return row ? { name: row.name, timeZone: row.timeZone, currency: row.currency } : DEFAULTS;
}
