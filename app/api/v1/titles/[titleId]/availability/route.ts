import { now } from "@/lib/clock";
import { getTitle } from "@/lib/catalogue/get-title";
import { DomainError } from "@/lib/errors";
import { handle } from "@/lib/rest/handle";
import { OPERATIONS } from "@/lib/rest/operations";
import { availability } from "@/lib/rest/resources";
import { getLibrarySettings } from "@/lib/settings";

export const GET = handle(OPERATIONS.getAvailability, async ({ params }) => {
  const [title, settings] = await Promise.all([getTitle(params.titleId), getLibrarySettings()]);
  if (!title) throw new DomainError("NOT_FOUND", "No title has this id.");
  return availability(title.availability, settings.timeZone, now());
});
