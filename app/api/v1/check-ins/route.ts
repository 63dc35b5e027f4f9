import { checkIn } from "@/lib/circulation/check-in";
import { sendEmailsSoon } from "@/lib/notifications/send-soon";
import { handle } from "@/lib/rest/handle";
import { OPERATIONS } from "@/lib/rest/operations";
import { checkIn as checkInResource } from "@/lib/rest/resources";

export const POST = handle(OPERATIONS.checkIn, async ({ body, key }) => {
  const result = await checkIn({ barcode: body.barcode, actorId: key.actorId, via: key.via });
  // A copy sent to the hold shelf has told its patron.
  sendEmailsSoon();
  return checkInResource(result);
});
