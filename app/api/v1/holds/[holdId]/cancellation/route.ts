import { cancelHold } from "@/lib/holds/cancel-hold";
import { sendEmailsSoon } from "@/lib/notifications/send-soon";
import { handle } from "@/lib/rest/handle";
import { OPERATIONS } from "@/lib/rest/operations";

export const POST = handle(OPERATIONS.cancelHold, async ({ params, body, key }) => {
  await cancelHold({ holdId: params.holdId, actorId: key.actorId, reason: body.reason, via: key.via });
  sendEmailsSoon();
});
