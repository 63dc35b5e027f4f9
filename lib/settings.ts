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
/**
 * One row per closure (one row when there are none): the settings' columns, null where the
 * settings row is missing, beside the closure's, null where there is no closure.
 */
type SettingsWithClosureRow = { [K in keyof SettingsRow]: SettingsRow[K] | null } & {
  settingsId: number | null;
  closureName: string | null;
  startsOn: ClosureRow["startsOn"] | null;
  endsOn: ClosureRow["endsOn"] | null;
  yearly: boolean | number | null;
};

function fromRows(rows: SettingsWithClosureRow[]): LibrarySettings {
  const closures = rows
    .filter((c) => c.closureName !== null)
    .map((c) => ({ name: c.closureName!, startsOn: c.startsOn!, endsOn: c.endsOn!, yearly: Boolean(c.yearly) }));
  const row = rows[0];
  if (!row || row.settingsId === null) return { ...DEFAULTS, openingDays: { ...DEFAULTS.openingDays, closures } };
  return {
    name: row.name!,
    timeZone: row.timeZone!,
    currency: row.currency!,
    keepLostChargeWhenFound: Boolean(row.keepLostChargeWhenFound),
    dailyJobTime: row.dailyJobTime!,
    selfServiceReturn: Boolean(row.selfServiceReturn),
    openingDays: { closedWeekdays: parseWeekdays(row.closedWeekdays!), closures, noFinesOnClosedDays: Boolean(row.noFinesOnClosedDays) },
    anonymiseLoansAfterDays: row.anonymiseLoansAfterDays === null ? null : Number(row.anonymiseLoansAfterDays),
  };
}

// One fixed statement (decision 020): every page and every circulation transaction reads the
// settings and the closures, so they come back together, in one round trip.
const SETTINGS_SQL = Prisma.sql`
  SELECT s."id" AS "settingsId", s."name", s."timeZone", s."currency", s."keepLostChargeWhenFound", s."dailyJobTime", s."selfServiceReturn",
    s."closedWeekdays", s."noFinesOnClosedDays", s."anonymiseLoansAfterDays",
    c."name" AS "closureName", c."startsOn", c."endsOn", c."yearly"
  FROM (SELECT 1 AS "one") o
  LEFT JOIN "LibrarySettings" s ON s."id" = 1
  LEFT JOIN "LibraryClosure" c ON 1 = 1
  ORDER BY c."startsOn" ASC, c."id" ASC`;

export const getLibrarySettings = cache(async (): Promise<LibrarySettings> => fromRows(await db.$queryRaw<SettingsWithClosureRow[]>(SETTINGS_SQL)));

/** The settings as seen inside a transaction (domain operations need the time zone). */
export async function librarySettingsIn(tx: Tx): Promise<LibrarySettings> {
  return fromRows(await tx.$queryRaw<SettingsWithClosureRow[]>(SETTINGS_SQL));
}
