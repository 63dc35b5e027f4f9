"use server";

import { serverAction } from "@/app/_lib/server-action";
import { borrowTitle } from "@/lib/circulation/check-out";
import { titleActionSchema } from "@/lib/circulation/schemas";
import { formatDate } from "@/lib/format";
import { placeHold } from "@/lib/holds/place-hold";
import { requireUser } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";

export const borrowAction = serverAction({
  guard: requireUser,
  input: titleActionSchema,
  run: ({ titleId }, user) => borrowTitle({ patronId: user.id, titleId }),
  revalidate: ({ titleId }) => [`/books/${titleId}`, "/account/loans"],
  reply: async (loan) => `Borrowed. Due back ${formatDate(loan.dueAt, (await getLibrarySettings()).timeZone)}.`,
});

export const reserveAction = serverAction({
  guard: requireUser,
  input: titleActionSchema,
  run: ({ titleId }, user) => placeHold({ patronId: user.id, titleId }),
  revalidate: ({ titleId }) => [`/books/${titleId}`, "/account/holds"],
  reply: (hold) =>
    hold.status === "IN_PROCESS"
      ? "Reserved. A copy is being set aside for you: we will tell you when it is ready for pickup."
      : `Reserved. You are number ${hold.position} in the queue.`,
});
