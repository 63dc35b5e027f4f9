import { exportCatalogue } from "@/lib/catalogue/export-catalogue";
import { parseInventoryParams } from "@/lib/catalogue/inventory-options";
import { staffOrResponse } from "@/lib/api";

/** The catalogue, or the inventory's filtered view (?q=&genre=&status=), as a CSV download. */
export async function GET(request: Request): Promise<Response> {
  const staff = await staffOrResponse();
  if (staff instanceof Response) return staff;
  const options = parseInventoryParams(new URL(request.url).searchParams);
  const chunks = exportCatalogue(options);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="catalogue.csv"`,
      "cache-control": "no-store",
    },
  });
}
