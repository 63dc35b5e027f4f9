"use server";

import { serverAction } from "@/app/_lib/server-action";
import { librarySettingsSchema } from "@/lib/policies/schemas";
import { updateLibrarySettings } from "@/lib/policies/update-library-settings";
import { requireRole } from "@/lib/session";

export const updateSettingsAction = serverAction({
  guard: () => requireRole("ADMIN"),
  input: librarySettingsSchema,
  run: (input, user) => updateLibrarySettings({ input, actorId: user.id }),
  // The name and time zone show on every page.
  revalidate: () => [{ layout: "/" }],
  reply: () => "Settings saved.",
});
