import { cache } from "react";
import type { Tx } from "./db";
import { db } from "./db";
import { Prisma } from "./generated/sqlite/client";
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

type ClosureRow = OpeningDays["closures"][number];
/** A settings row as raw SQL returns it: SQLite gives booleans as 0 and 1. */
type SettingsRow = Omit<LibrarySettings, "openingDays" | "keepLostChargeWhenFound" | "selfServiceReturn"> & {
  keepLostChargeWhenFound: boolean | number;
  selfServiceReturn: boolean | number;
  closedWeekdays: string;
  noFinesOnClosedDays: boolean | number;
};
type RawClosureRow = Omit<ClosureRow, "yearly"> & { yearly: boolean | number };

function fromRows(row: SettingsRow | undefined, closures: RawClosureRow[]): LibrarySettings {
  const openingClosures = closures.map((c) => ({ name: c.name, startsOn: c.startsOn, endsOn: c.endsOn, yearly: Boolean(c.yearly) }));
  if (!row) return { ...DEFAULTS, openingDays: { ...DEFAULTS.openingDays, closures: openingClosures } };
  return {
    name: row.name,
    timeZone: row.timeZone,
    currency: row.currency,
    keepLostChargeWhenFound: Boolean(row.keepLostChargeWhenFound),
    dailyJobTime: row.dailyJobTime,
    selfServiceReturn: Boolean(row.selfServiceReturn),
    openingDays: { closedWeekdays: parseWeekdays(row.closedWeekdays), closures: openingClosures, noFinesOnClosedDays: Boolean(row.noFinesOnClosedDays) },
    anonymiseLoansAfterDays: row.anonymiseLoansAfterDays === null ? null : Number(row.anonymiseLoansAfterDays),
  };
}

// Fixed statements (decision 020): every page reads the settings.
const SETTINGS_SQL = Prisma.sql`
  SELECT "name", "timeZone", "currency", "keepLostChargeWhenFound", "dailyJobTime", "selfServiceReturn", "closedWeekdays", "noFinesOnClosedDays", "anonymiseLoansAfterDays"
  FROM "LibrarySettings" WHERE "id" = 1`;
const CLOSURES_SQL = Prisma.sql`SELECT "name", "startsOn", "endsOn", "yearly" FROM "LibraryClosure" ORDER BY "startsOn" ASC, "id" ASC`;

export const getLibrarySettings = cache(async (): Promise<LibrarySettings> => {
  const [rows, closures] = await Promise.all([db.$queryRaw<SettingsRow[]>(SETTINGS_SQL), db.$queryRaw<RawClosureRow[]>(CLOSURES_SQL)]);
  return fromRows(rows[0], closures);
});

/** The settings as seen inside a transaction (domain operations need the time zone). */
export async function librarySettingsIn(tx: Tx): Promise<LibrarySettings> {
  // One after the other: a transaction runs one query at a time.
  const rows = await tx.$queryRaw<SettingsRow[]>(SETTINGS_SQL);
  return fromRows(rows[0], await tx.$queryRaw<RawClosureRow[]>(CLOSURES_SQL));
}
