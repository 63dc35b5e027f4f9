import { now } from "@/lib/clock";
import { formatClosureDates, formatWeekdays, upcomingClosures } from "@/lib/policies/opening-days";
import { getLibrarySettings } from "@/lib/settings";

/** The footer's line for patrons planning a visit or a return: "Closed 25–26 Dec (Christmas), 1 Jan (New Year's Day). Closed on Sundays." */
export async function UpcomingClosures() {
  const { openingDays, timeZone } = await getLibrarySettings();
  const closures = upcomingClosures(now(), openingDays, timeZone);
  const parts = [];
  if (closures.length > 0) parts.push(`Closed ${closures.map((c) => `${formatClosureDates(c)} (${c.name})`).join(", ")}.`);
  if (openingDays.closedWeekdays.length > 0) parts.push(`Closed on ${formatWeekdays(openingDays.closedWeekdays)}.`);
  if (parts.length === 0) return null;
  return (
    <p className="mb-2 font-medium text-stone-800">
      {parts.join(" ")}
    </p>
  );
}
