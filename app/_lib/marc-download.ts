import { staffOrResponse } from "@/lib/api";
import { exportCatalogueMarc, type MarcExportFormat } from "@/lib/catalogue/export-catalogue-marc";
import { parseInventoryParams } from "@/lib/catalogue/inventory-options";

/** The MARC export's response, streamed batch by batch as the CSV export is. Staff only. */
export async function marcDownload(request: Request, format: MarcExportFormat): Promise<Response> {
  const staff = await staffOrResponse();
  if (staff instanceof Response) return staff;
  const chunks = exportCatalogueMarc(parseInventoryParams(new URL(request.url).searchParams), format);
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
      "content-type": format === "iso2709" ? "application/marc" : "application/marcxml+xml; charset=utf-8",
      "content-disposition": `attachment; filename="catalogue.${format === "iso2709" ? "mrc" : "xml"}"`,
      "cache-control": "no-store",
    },
  });
}
