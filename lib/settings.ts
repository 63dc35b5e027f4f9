import { cache } from "react";
import type { Tx } from "./db";
import { db } from "./db";

export type LibrarySettings = {
  name: string;
  timeZone: string;
  currency: string;
  /** A lost copy that comes back keeps its replacement charge (otherwise it is refunded). */
  keepLostChargeWhenFound: boolean;
};

const DEFAULTS: LibrarySettings = { name: "Stacks Library", timeZone: "UTC", currency: "USD", keepLostChargeWhenFound: false };

export const getLibrarySettings = cache(async (): Promise<LibrarySettings> => {
  const row = await db.librarySettings.findUnique({ where: { id: 1 } });
  return row ? { name: row.name, timeZone: row.timeZone, currency: row.currency, keepLostChargeWhenFound: row.keepLostChargeWhenFound } : DEFAULTS;
});

/** The settings as seen inside a transaction (domain operations need the time zone). */
export async function librarySettingsIn(tx: Tx): Promise<LibrarySettings> {
  const row = await tx.librarySettings.findUnique({ where: { id: 1 } });
  return row ? { name: row.name, timeZone: row.timeZone, currency: row.currency, keepLostChargeWhenFound: row.keepLostChargeWhenFound } : DEFAULTS;
}
