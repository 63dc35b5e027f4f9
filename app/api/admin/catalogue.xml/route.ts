import { marcDownload } from "@/app/_lib/marc-download";

/** The catalogue, or the inventory's filtered view (?q=&genre=&status=), as MARCXML. */
export async function GET(request: Request): Promise<Response> {
  return marcDownload(request, "marcxml");
}
