import { now } from "@/lib/clock";
import { getTitle } from "@/lib/catalogue/get-title";
import { updateTitle } from "@/lib/catalogue/update-title";
import { DomainError } from "@/lib/errors";
import { handle } from "@/lib/rest/handle";
import { OPERATIONS } from "@/lib/rest/operations";
import { titleResource } from "@/lib/rest/resources";
import { getLibrarySettings } from "@/lib/settings";

export const GET = handle(OPERATIONS.getTitle, async ({ params }) => {
  const [title, settings] = await Promise.all([getTitle(params.titleId), getLibrarySettings()]);
  if (!title) throw new DomainError("NOT_FOUND", "No title has this id.");
  return titleResource(title, settings.timeZone, now());
});

export const PUT = handle(OPERATIONS.updateTitle, ({ params, body, key }) => updateTitle({ titleId: params.titleId, input: body, actorId: key.actorId, via: key.via }));
