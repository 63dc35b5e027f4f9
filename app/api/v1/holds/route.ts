import { placeHold } from "@/lib/holds/place-hold";
import { handle } from "@/lib/rest/handle";
import { OPERATIONS } from "@/lib/rest/operations";
import { hold } from "@/lib/rest/resources";

export const POST = handle(OPERATIONS.placeHold, async ({ body, key }) => hold(await placeHold({ patronId: body.patronId, titleId: body.titleId, actorId: key.actorId, via: key.via })));
