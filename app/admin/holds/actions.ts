"use server";

import { serverAction } from "@/app/_lib/server-action";
import { cancelHoldByLibrarySchema, holdActionSchema } from "@/lib/circulation/schemas";
import { formatDate } from "@/lib/format";
import { cancelHold } from "@/lib/holds/cancel-hold";
import { confirmOnHoldShelf } from "@/lib/holds/confirm-on-hold-shelf";
import { sendEmailsSoon } from "@/lib/notifications/send-soon";
import { requireStaff } from "@/lib/session";
import { getLibrarySettings } from "@/lib/settings";

export const confirmOnHoldShelfAction = serverAction({
  guard: requireStaff,
  input: holdActionSchema,
  run: async ({ holdId }, staff) => {
    const confirmed = await confirmOnHoldShelf({ holdId, actorId: staff.id });
    sendEmailsSoon();
    return confirmed;
  },
  revalidate: () => ["/admin/holds"],
  reply: async ({ pickupBy }) =>
    `On the hold shelf; the patron has been told. Pickup by ${formatDate(pickupBy, (await getLibrarySettings()).timeZone)}.`,
});

export const cancelHoldByLibraryAction = serverAction({
  guard: requireStaff,
  input: cancelHoldByLibrarySchema,
  run: async ({ holdId, reason }, staff) => {
    await cancelHold({ holdId, actorId: staff.id, reason });
    sendEmailsSoon();
  },
  revalidate: () => ["/admin/holds"],
  reply: () => "Reservation cancelled; the patron has been told.",
});
