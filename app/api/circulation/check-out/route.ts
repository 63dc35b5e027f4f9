import { errorResponse, jsonBody, staffOrResponse } from "@/lib/api";
import { checkOutCopy } from "@/lib/circulation/check-out";
import { deskCheckOutSchema } from "@/lib/circulation/schemas";
import { jsonPostRefusal } from "@/lib/http/same-origin";
import { parseInput } from "@/lib/validation";

/** The desk's check-out for scanners and self-check kiosks: POST {"patronId", "barcode"}. */
export async function POST(request: Request) {
  const refused = jsonPostRefusal(request);
  if (refused) return refused;
  const staff = await staffOrResponse();
  if (staff instanceof Response) return staff;
  try {
    const { patronId, barcode } = parseInput(deskCheckOutSchema, await jsonBody(request));
    const loan = await checkOutCopy({ patronId, barcode, actorId: staff.id });
    return Response.json({ loanId: loan.loanId, dueAt: loan.dueAt, title: loan.title.title, barcode: loan.copy.barcode }, { status: 201 });
  } catch (e) {
    return errorResponse(e);
  }
}
