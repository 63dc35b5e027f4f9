import { errorResponse, jsonBody, staffOrResponse } from "@/lib/api";
import { checkIn } from "@/lib/circulation/check-in";
import { barcodeSchema } from "@/lib/circulation/schemas";
import { jsonPostRefusal } from "@/lib/http/same-origin";
import { sendEmailsSoon } from "@/lib/notifications/send-soon";
import { parseInput } from "@/lib/validation";

/** The desk's check-in: POST {"barcode"}; says where the copy goes next. */
export async function POST(request: Request) {
  const refused = jsonPostRefusal(request);
  if (refused) return refused;
  const staff = await staffOrResponse();
  if (staff instanceof Response) return staff;
  try {
    const { barcode } = parseInput(barcodeSchema, await jsonBody(request));
    const result = await checkIn({ barcode, actorId: staff.id });
    if (result.routing.kind === "hold-shelf") sendEmailsSoon();
    return Response.json({
      title: result.title.title,
      loanId: result.loan?.id ?? null,
      daysLate: result.loan?.daysLate ?? 0,
      fineCents: result.fine?.amountCents ?? 0,
      routing: result.routing.kind === "hold-shelf" ? { to: "hold-shelf", patron: result.routing.patron } : { to: result.routing.kind },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
