import { cache } from "react";
import type { Tx } from "./db";
import { db } from "./db";

export type LibrarySettings = {
  name: string;
  timeZone: string;
  currency: string;
  /** A lost copy that comes back keeps its replacement charge (otherwise it is refunded). */
  keepLostChargeWhenFound: boolean;
  /** "HH:MM" in timeZone: when the app server's scheduler runs the daily job. */
  dailyJobTime: string;
  /** Patrons may return a loan from their account page (an honour-system library). */
  selfServiceReturn: boolean;
  /** Returned loans lose their patron this many days after return (null: kept), unless the patron keeps their history. */
  anonymiseLoansAfterDays: number | null;
};

const DEFAULTS: LibrarySettings = {
  name: "Stacks Library",
  timeZone: "UTC",
  currency: "USD",
  keepLostChargeWhenFound: false,
  dailyJobTime: "06:00",
  selfServiceReturn: false,
  anonymiseLoansAfterDays: null,
};

type SettingsRow = LibrarySettings & { id: number; updatedAt: Date };

function fromRow(row: SettingsRow | null): LibrarySettings {
  if (!row) return DEFAULTS;
  return {
    name: row.name,
    timeZone: row.timeZone,
    currency: row.currency,
    keepLostChargeWhenFound: row.keepLostChargeWhenFound,
    dailyJobTime: row.dailyJobTime,
    selfServiceReturn: row.selfServiceReturn,
    anonymiseLoansAfterDays: row.anonymiseLoansAfterDays,
  };
}

export const getLibrarySettings = cache(async (): Promise<LibrarySettings> => {
  return fromRow(await db.librarySettings.findUnique({ where: { id: 1 } }));
});

/** The settings as seen inside a transaction (domain operations need the time zone). */
export async function librarySettingsIn(tx: Tx): Promise<LibrarySettings> {
  return fromRow(await tx.librarySettings.findUnique({ where: { id: 1 } }));
}
