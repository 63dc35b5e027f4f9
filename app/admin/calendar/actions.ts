"use server";

import { serverAction } from "@/app/_lib/server-action";
import { addClosure } from "@/lib/policies/add-closure";
import { newClosureSchema, openingDaysSchema, removeClosureSchema } from "@/lib/policies/opening-days-schemas";
import { removeClosure } from "@/lib/policies/remove-closure";
import { updateOpeningDays } from "@/lib/policies/update-opening-days";
import { requireRole } from "@/lib/session";

// The footer of every page names the library's upcoming closures.
const everyPage = () => [{ layout: "/" }];

export const updateOpeningDaysAction = serverAction({
  guard: () => requireRole("ADMIN"),
  input: openingDaysSchema,
  run: (input, user) => updateOpeningDays({ input, actorId: user.id }),
  revalidate: everyPage,
  reply: () => "Opening days saved. New loans and renewals follow them; loans already out keep their due dates.",
});

export const addClosureAction = serverAction({
  guard: () => requireRole("ADMIN"),
  input: newClosureSchema,
  run: (input, user) => addClosure({ input, actorId: user.id }),
  revalidate: everyPage,
  reply: (closure) => `${closure.name} added.`,
});

export const removeClosureAction = serverAction({
  guard: () => requireRole("ADMIN"),
  input: removeClosureSchema,
  run: ({ closureId }, user) => removeClosure({ closureId, actorId: user.id }),
  revalidate: everyPage,
  reply: (closure) => `${closure.name} removed.`,
});
