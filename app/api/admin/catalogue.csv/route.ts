import { exportCatalogue } from "@/lib/catalogue/export-catalogue";
import { parseInventoryParams } from "@/lib/catalogue/inventory-options";
import { getCurrentUser, isStaff } from "@/lib/session";

/** The catalogue, or the inventory's filtered view (?q=&genre=&status=), as a CSV download. */
export async function GET(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in as staff to export the catalogue.", { status: 401 });
  if (!isStaff(user.role)) return new Response("Only staff may export the catalogue.", { status: 403 });
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
