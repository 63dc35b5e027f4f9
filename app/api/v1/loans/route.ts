import { checkOutCopy } from "@/lib/circulation/check-out";
import { handle } from "@/lib/rest/handle";
import { OPERATIONS } from "@/lib/rest/operations";
import { loan } from "@/lib/rest/resources";

export const POST = handle(OPERATIONS.checkOut, async ({ body, key }) => loan(await checkOutCopy({ patronId: body.patronId, barcode: body.barcode, actorId: key.actorId, via: key.via })));
