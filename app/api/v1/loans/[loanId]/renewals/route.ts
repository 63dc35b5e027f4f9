import { renewLoan } from "@/lib/circulation/renew-loan";
import { handle } from "@/lib/rest/handle";
import { OPERATIONS } from "@/lib/rest/operations";
import { renewal } from "@/lib/rest/resources";

export const POST = handle(OPERATIONS.renewLoan, async ({ params, key }) => renewal(await renewLoan({ loanId: params.loanId, actorId: key.actorId, via: key.via })));
