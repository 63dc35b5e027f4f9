import { cache } from "react";
import type { Tx } from "./db";
import { db } from "./db";
import { type OpeningDays, parseWeekdays } from "./policies/opening-days";

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
  /** Weekly closed days and dated closures: due dates, fines and pickup windows follow them. */
  openingDays: OpeningDays;
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
  openingDays: { closedWeekdays: [], closures: [], noFinesOnClosedDays: true },
  anonymiseLoansAfterDays: null,
};

type SettingsRow = Omit<LibrarySettings, "openingDays"> & { id: number; updatedAt: Date; closedWeekdays: string; noFinesOnClosedDays: boolean };
type ClosureRow = OpeningDays["closures"][number];

function fromRow(row: SettingsRow | null, closures: ClosureRow[]): LibrarySettings {
  if (!row) return { ...DEFAULTS, openingDays: { ...DEFAULTS.openingDays, closures } };
  return {
    name: row.name,
    timeZone: row.timeZone,
    currency: row.currency,
    keepLostChargeWhenFound: row.keepLostChargeWhenFound,
    dailyJobTime: row.dailyJobTime,
    selfServiceReturn: row.selfServiceReturn,
    openingDays: { closedWeekdays: parseWeekdays(row.closedWeekdays), closures, noFinesOnClosedDays: row.noFinesOnClosedDays },
    anonymiseLoansAfterDays: row.anonymiseLoansAfterDays,
  };
}

const CLOSURE_FIELDS = { select: { name: true, startsOn: true, endsOn: true, yearly: true }, orderBy: [{ startsOn: "asc" as const }, { id: "asc" as const }] };

export const getLibrarySettings = cache(async (): Promise<LibrarySettings> => {
  const [row, closures] = await Promise.all([db.librarySettings.findUnique({ where: { id: 1 } }), db.libraryClosure.findMany(CLOSURE_FIELDS)]);
  return fromRow(row, closures);
});

/** The settings as seen inside a transaction (domain operations need the time zone). */
export async function librarySettingsIn(tx: Tx): Promise<LibrarySettings> {
  // One after the other: a transaction runs one query at a time.
  const row = await tx.librarySettings.findUnique({ where: { id: 1 } });
  return fromRow(row, await tx.libraryClosure.findMany(CLOSURE_FIELDS));
}
